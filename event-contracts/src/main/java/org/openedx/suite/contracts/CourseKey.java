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

/** A course key, {@code course-v1:ORG+NUMBER+RUN}. Null is valid; add {@code @NotNull} where it is required. */
@Documented
@Constraint(validatedBy = CourseKey.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface CourseKey {

    String message() default "must be a course key like course-v1:ORG+NUMBER+RUN, at most 255 characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<CourseKey, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || OpenEdxKeys.isCourseKey(value);
        }
    }
}
