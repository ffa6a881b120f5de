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

/**
 * On a record with a course key and a usage key: the usage key names a block of that course run
 * ({@link OpenEdxKeys#isBlockOf}), which makes both keys well formed. The violation is reported on the usage key.
 */
@Documented
@Constraint(validatedBy = BlockOfCourse.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface BlockOfCourse {

    String message() default "must be a usage key like block-v1:ORG+NUMBER+RUN+type@TYPE+block@ID of the course run";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** A record that names a block and the course run it belongs to. */
    interface Block {
        String courseKey();

        String usageKey();
    }

    class Validator implements ConstraintValidator<BlockOfCourse, Block> {
        @Override
        public boolean isValid(Block block, ConstraintValidatorContext context) {
            if (block == null || OpenEdxKeys.isBlockOf(block.usageKey(), block.courseKey())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("usageKey").addConstraintViolation();
            return false;
        }
    }
}
