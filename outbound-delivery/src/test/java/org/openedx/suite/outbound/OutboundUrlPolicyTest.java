package org.openedx.suite.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutboundUrlPolicyTest {

    private final OutboundUrlPolicy policy = new OutboundUrlPolicy(List.of(" Sandbox.local ", "integration-sandbox", ""));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            https://93.184.215.14/hook                | allowed
            https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/x | allowed
            http://93.184.215.14/hook                 | must use https
            ftp://93.184.215.14/file                  | must use https
            https://user:pw@93.184.215.14/hook        | must not carry a user name
            https://127.0.0.1/hook                    | private or loopback
            https://localhost:8443/hook               | private or loopback
            https://10.1.2.3/hook                     | private or loopback
            https://172.16.0.1/hook                   | private or loopback
            https://192.168.1.1/hook                  | private or loopback
            https://169.254.169.254/latest/meta-data  | private or loopback
            https://100.64.0.1/hook                   | private or loopback
            https://0.0.0.0/hook                      | private or loopback
            https://[::1]/hook                        | private or loopback
            https://[fd00::1]/hook                    | private or loopback
            https://[fe80::1]/hook                    | private or loopback
            https://[::ffff:10.0.0.1]/hook            | private or loopback
            https://224.0.0.1/hook                    | private or loopback
            http://integration-sandbox:18900/webhooks | allowed
            http://sandbox.local/webhooks             | allowed
            https://no-such-host.invalid/hook         | does not resolve
            """)
    void decidesWhichUrlsMayBeCalled(String url, String expected) {
        var refusal = policy.refusal(URI.create(url));
        if (expected.equals("allowed")) {
            assertThat(refusal).isEmpty();
        } else {
            assertThat(refusal).hasValueSatisfying(reason -> assertThat(reason).contains(expected));
        }
    }

    @ParameterizedTest
    @CsvSource({"/relative/path", "mailto:someone@example.org"})
    void refusesWhatIsNotAnAbsoluteHttpUrl(String url) {
        assertThat(policy.refusal(URI.create(url))).isPresent();
    }

    @ParameterizedTest
    @CsvSource({"127.0.0.1", "localhost"})
    void aListedLoopbackHostIsAllowed(String host) {
        OutboundUrlPolicy local = new OutboundUrlPolicy(List.of(host));
        assertThat(local.refusal(URI.create("http://" + host + ":18900/webhooks/demo"))).isEmpty();
    }
}
