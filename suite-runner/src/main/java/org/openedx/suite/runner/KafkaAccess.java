package org.openedx.suite.runner;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.UnaryOperator;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may do what on the suite's broker (ADR 8): one SCRAM-SHA-512 principal per service, named as in its
 * {@code ce_source} ({@code lms}, ...), with a new password each time the suite starts; ACLs that let it create and
 * describe the topics it touches and their dead-letter topics, write the topics it produces and the dead-letter topics
 * of those it consumes, read the topics it consumes in its own consumer group, and nothing else.
 */
final class KafkaAccess {

    private static final int ITERATIONS = 8192;

    private KafkaAccess() {
    }

    /** Creates (or renews) every service's principal and grants its ACLs; {@code topic} adds the suite's prefix. */
    static Map<SuiteService, KafkaLogin> grant(KafkaBroker broker, UnaryOperator<String> topic) {
        Map<SuiteService, KafkaLogin> logins = new EnumMap<>(SuiteService.class);
        List<UserScramCredentialAlteration> credentials = new ArrayList<>();
        List<AclBinding> acls = new ArrayList<>();
        for (SuiteService service : SuiteService.values()) {
            KafkaLogin login = new KafkaLogin(service.shortName(), UUID.randomUUID().toString().replace("-", ""));
            logins.put(service, login);
            credentials.add(new UserScramCredentialUpsertion(login.username(),
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS), login.password()));
            acls.addAll(aclsOf(service, "User:" + login.username(), topic));
        }
        try (Admin admin = Admin.create(broker.adminClientProperties())) {
            admin.alterUserScramCredentials(credentials).all().get();
            admin.createAcls(acls).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot set up the services' principals and ACLs on the broker: "
                    + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting up the broker's ACLs", e);
        }
        return logins;
    }

    static List<AclBinding> aclsOf(SuiteService service, String principal, UnaryOperator<String> topic) {
        Set<String> touched = new LinkedHashSet<>();
        List<AclBinding> acls = new ArrayList<>();
        for (String produced : service.producedTopics()) {
            touched.add(topic.apply(produced));
            acls.add(allow(ResourceType.TOPIC, topic.apply(produced), principal, AclOperation.WRITE));
        }
        for (String consumed : service.consumedTopics()) {
            touched.add(topic.apply(consumed));
            acls.add(allow(ResourceType.TOPIC, topic.apply(consumed), principal, AclOperation.READ));
            acls.add(allow(ResourceType.TOPIC, deadLetterTopic(topic.apply(consumed)), principal, AclOperation.WRITE));
        }
        for (String name : touched) {
            for (String each : List.of(name, deadLetterTopic(name))) {
                acls.add(allow(ResourceType.TOPIC, each, principal, AclOperation.CREATE));
                acls.add(allow(ResourceType.TOPIC, each, principal, AclOperation.DESCRIBE));
                acls.add(allow(ResourceType.TOPIC, each, principal, AclOperation.DESCRIBE_CONFIGS));
            }
        }
        if (!service.consumedTopics().isEmpty()) {
            acls.add(allow(ResourceType.GROUP, service.module(), principal, AclOperation.READ));
        }
        return acls;
    }

    static String deadLetterTopic(String topic) {
        return topic + "-dlt";
    }

    private static AclBinding allow(ResourceType type, String name, String principal, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, PatternType.LITERAL),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }
}
