package org.openedx.suite.sandbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestConstructor;

/**
 * The sandbox on a random port, driven over real HTTP through {@link SandboxClient} (handed to the test's
 * constructor). Plagiarism callbacks come quickly and are retried after short back-offs, and are signed with
 * {@link #CALLBACK_SECRET}. All such tests share one sandbox; each starts from {@link SandboxClient#reset()}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sandbox.plagiarism.delay=50ms",
        "sandbox.plagiarism.retry-backoff=100ms,200ms",
        "sandbox.plagiarism.callback-timeout=2s",
        "sandbox.plagiarism.callback-secret=" + SandboxTest.CALLBACK_SECRET})
@Import(SandboxClient.class)
@ExtendWith(ResetSandbox.class)
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
public @interface SandboxTest {

    /** {@code whsec_} and the base64 of the key {@code plagiarism-test-key}. */
    String CALLBACK_SECRET = "whsec_cGxhZ2lhcmlzbS10ZXN0LWtleQ==";
}
