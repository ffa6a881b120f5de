package org.openedx.suite.sandbox;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/** Each test starts from a sandbox that has received nothing and plays no fault: see {@link SandboxClient#reset()}. */
class ResetSandbox implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        SpringExtension.getApplicationContext(context).getBean(SandboxClient.class).reset();
    }
}
