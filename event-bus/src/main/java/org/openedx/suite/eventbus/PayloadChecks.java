package org.openedx.suite.eventbus;

import java.lang.annotation.ElementType;
import java.util.List;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.openedx.suite.contracts.PayloadConstraints;

/**
 * Checks consumed payloads against the contract records' constraints, with a validator of its own: payloads are plain
 * records, so every property is reachable, and it skips the JPA lookups the application's validator makes for each
 * property it cascades into (Hibernate Validator asks JPA whether an entity's property is loaded), work that every
 * event of a busy topic would otherwise pay for.
 */
final class PayloadChecks implements AutoCloseable {

    private final ValidatorFactory factory;
    private final Validator validator;

    PayloadChecks() {
        this.factory = Validation.byDefaultProvider().configure()
                .traversableResolver(new EveryPropertyReachable())
                .buildValidatorFactory();
        this.validator = factory.getValidator();
    }

    /** The payload's broken constraints, as {@code snake_case.path message}; empty when it keeps them all. */
    List<String> violations(Object payload) {
        return PayloadConstraints.violations(validator, payload);
    }

    @Override
    public void close() {
        factory.close();
    }

    private static final class EveryPropertyReachable implements TraversableResolver {

        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty,
                                   ElementType elementType) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootBeanType, Path pathToProperty,
                                    ElementType elementType) {
            return true;
        }
    }
}
