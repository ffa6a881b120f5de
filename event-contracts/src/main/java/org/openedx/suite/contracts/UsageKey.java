package org.openedx.suite.contracts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/** A usage key, {@code block-v1:ORG+NUMBER+RUN+type@TYPE+block@ID}. Null is valid; add {@code @NotNull} where required. */
@Documented
@Constraint(validatedBy = UsageKey.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface UsageKey {

    String message() default "must be a usage key like block-v1:ORG+NUMBER+RUN+type@TYPE+block@ID, at most 255 characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<UsageKey, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || OpenEdxKeys.isUsageKey(value);
        }
    }
}
