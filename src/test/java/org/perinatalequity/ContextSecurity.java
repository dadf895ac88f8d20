package org.perinatalequity;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * {@code @ExtendWith(ContextSecurity.class)}: each test runs with its own Spring context's security holder strategy
 * in Spring Security's static holder (see {@link TestUsers#useStrategyOf}), so a policy reading the static holder
 * sees the test's user even when another cached context started later.
 */
public final class ContextSecurity implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ContextSecurity.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        SecurityContextHolderStrategy previous = TestUsers.useStrategyOf(SpringExtension.getApplicationContext(context));
        context.getStore(NAMESPACE).put("previous", previous);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestUsers.restoreStrategy(context.getStore(NAMESPACE).get("previous", SecurityContextHolderStrategy.class));
    }
}
