package org.openedx.suite.credentials.badge;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.openedx.suite.web.ApiException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NumericNode;

/**
 * What a badge template asks of a learner's events, and how far a learner has come. A specified behaviour, kept free
 * of persistence:
 * <ul>
 *   <li>A template has requirements, each on one event type. An event fulfils a requirement when all of the
 *       requirement's data rules hold on the event's data (a requirement without rules: any event of its type).
 *       Data is the payload's one top-level field's value, and rules address it with dotted paths
 *       ({@code is_passing}, {@code course.course_key}), as Open edX does.</li>
 *   <li>Requirements sharing a blend are alternatives (one of them is enough); each group, and each requirement
 *       without a blend, is required. Progress is the share of groups fulfilled; at all of them the badge is
 *       earned.</li>
 *   <li>A penalty on an event type resets the requirements it names when all of its rules hold on such an event:
 *       their fulfilment and any values counted for them are cleared.</li>
 *   <li>{@code eq} and {@code ne} compare as Open edX does: as text, with booleans coerced ({@code true},
 *       {@code "true"} and {@code "True"} are one value), and numerically when a JSON number meets a number.</li>
 *   <li>A rule whose path leads to no value (missing, null, an object or an array) does not hold, {@code ne}
 *       included: Open edX would compare {@code "None"} there.</li>
 * </ul>
 * Beyond Open edX, which knows only {@code eq} and {@code ne} and fulfils a requirement with one event:
 * <ul>
 *   <li>{@code gt}, {@code ge}, {@code lt}, {@code le} compare numbers exactly (as {@link BigDecimal}); a numeric
 *       string counts as a number, since Open edX sends grades as strings ({@code "0.85"}); anything else does not
 *       hold. {@code in} holds when the value is {@code eq} to one of a list.</li>
 *   <li>Count requirements ({@code min_count} above 1, {@code distinct_by} a path): fulfilled once the events that
 *       match carried {@code min_count} distinct values at {@code distinct_by}, e.g. passing in 2 courses. The
 *       caller keeps the values counted ({@link #distinctValue} gives an event's; an event without one counts
 *       nothing) and asks {@link Requirement#reachedBy}.</li>
 * </ul>
 * {@link #checked} is the only way in from a client: it refuses what these rules cannot apply, naming the field.
 */
final class BadgeRules {

    static final int MAX_MIN_COUNT = 1000;
    static final int MAX_BLEND_LENGTH = 64;

    private static final Pattern DATA_PATH = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*");
    /** JSON's number grammar: what a numeric string must look like to be compared as a number. */
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private BadgeRules() {
    }

    enum Operator {
        EQ, NE, GT, GE, LT, LE, IN;

        /** The name clients use: {@code eq}, {@code ne}, ... */
        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Operator> parse(@Nullable String wireName) {
            return Stream.of(values()).filter(operator -> operator.wireName().equals(wireName)).findFirst();
        }

        static String wireNames() {
            return Stream.of(values()).map(Operator::wireName).collect(Collectors.joining(", "));
        }
    }

    /** Holds when the value at {@code dataPath} in an event's data compares with {@code value} by {@code operator}. */
    record DataRule(String dataPath, Operator operator, JsonNode value) {
    }

    /**
     * @param blend      requirements sharing a blend are alternatives; null for a group of its own
     * @param minCount   1 for a requirement one matching event fulfils; above 1 for a count requirement
     * @param distinctBy the dotted path of the counted value; null unless given
     */
    record Requirement(String eventType, @Nullable String blend, List<DataRule> rules, int minCount,
                       @Nullable String distinctBy) {

        Requirement {
            rules = List.copyOf(rules);
        }

        /** Whether it is fulfilled by distinct values counted rather than by one matching event. */
        boolean counted() {
            return minCount > 1;
        }

        /** Whether a count requirement is fulfilled by the distinct values counted for it so far. */
        boolean reachedBy(int distinctValues) {
            return distinctValues >= minCount;
        }
    }

    /** @param resets the indexes of the requirements it resets, distinct and sorted */
    record Penalty(String eventType, List<Integer> resets, List<DataRule> rules) {

        Penalty {
            resets = List.copyOf(new TreeSet<>(resets));
            rules = List.copyOf(rules);
        }
    }

    record Template(List<Requirement> requirements, List<Penalty> penalties) {

        Template {
            requirements = List.copyOf(requirements);
            penalties = List.copyOf(penalties);
        }
    }

    /** @param groups the blends plus the requirements without one */
    record Progress(int fulfilledGroups, int groups) {

        boolean complete() {
            return groups > 0 && fulfilledGroups == groups;
        }

        /** The share of groups fulfilled, from 0 to 1. */
        double ratio() {
            return groups == 0 ? 0 : (double) fulfilledGroups / groups;
        }
    }

    // ---- from a client ----

    /**
     * The template the client describes, or a 400 naming the first field that is wrong
     * ({@code requirements[0].rules[1].operator}).
     *
     * @param knownEventTypes the event types the service receives, which alone can fulfil requirements or trigger
     *                        penalties
     */
    static Template checked(@Nullable List<RequirementInput> requirements, @Nullable List<PenaltyInput> penalties,
                            Set<String> knownEventTypes) {
        List<RequirementInput> requirementInputs = orEmpty(requirements);
        if (requirementInputs.isEmpty()) {
            throw ApiException.badRequest("requirements", "must hold at least one requirement");
        }
        List<Requirement> checkedRequirements = new ArrayList<>();
        for (int i = 0; i < requirementInputs.size(); i++) {
            checkedRequirements.add(requirement(requirementInputs.get(i), "requirements[" + i + "]", knownEventTypes));
        }
        List<PenaltyInput> penaltyInputs = orEmpty(penalties);
        List<Penalty> checkedPenalties = new ArrayList<>();
        for (int i = 0; i < penaltyInputs.size(); i++) {
            checkedPenalties.add(penalty(penaltyInputs.get(i), "penalties[" + i + "]", knownEventTypes,
                    checkedRequirements.size()));
        }
        return new Template(checkedRequirements, checkedPenalties);
    }

    private static Requirement requirement(@Nullable RequirementInput input, String field, Set<String> knownEventTypes) {
        if (input == null) {
            throw ApiException.badRequest(field, "must not be null");
        }
        String eventType = eventType(input.eventType(), field, knownEventTypes);
        String blend = input.blend();
        if (blend != null && (blend.isBlank() || blend.length() > MAX_BLEND_LENGTH)) {
            throw ApiException.badRequest(field + ".blend",
                    "must be absent or 1 to " + MAX_BLEND_LENGTH + " characters, not blank");
        }
        List<DataRule> rules = rules(input.rules(), field);
        int minCount = input.minCount() == null ? 1 : input.minCount();
        if (minCount < 1 || minCount > MAX_MIN_COUNT) {
            throw ApiException.badRequest(field + ".min_count", "must be from 1 to " + MAX_MIN_COUNT);
        }
        String distinctBy = input.distinctBy();
        if (distinctBy == null && minCount > 1) {
            throw ApiException.badRequest(field + ".distinct_by",
                    "must name the counted value's path when min_count is above 1");
        }
        if (distinctBy != null) {
            checkPath(distinctBy, field + ".distinct_by");
        }
        return new Requirement(eventType, blend, rules, minCount, distinctBy);
    }

    private static Penalty penalty(@Nullable PenaltyInput input, String field, Set<String> knownEventTypes,
                                   int requirementCount) {
        if (input == null) {
            throw ApiException.badRequest(field, "must not be null");
        }
        String eventType = eventType(input.eventType(), field, knownEventTypes);
        List<Integer> resets = orEmpty(input.resets());
        if (resets.isEmpty()) {
            throw ApiException.badRequest(field + ".resets", "must name at least one requirement");
        }
        for (int i = 0; i < resets.size(); i++) {
            Integer index = resets.get(i);
            if (index == null || index < 0 || index >= requirementCount) {
                throw ApiException.badRequest(field + ".resets[" + i + "]",
                        "must be the index of a requirement, from 0 to " + (requirementCount - 1));
            }
        }
        List<DataRule> rules = rules(input.rules(), field);
        if (rules.isEmpty()) {
            throw ApiException.badRequest(field + ".rules", "must hold at least one rule");
        }
        return new Penalty(eventType, resets, rules);
    }

    private static String eventType(@Nullable String eventType, String field, Set<String> knownEventTypes) {
        if (eventType == null || !knownEventTypes.contains(eventType)) {
            throw ApiException.badRequest(field + ".event_type",
                    "must be one of the event types the service receives: " + new TreeSet<>(knownEventTypes));
        }
        return eventType;
    }

    private static List<DataRule> rules(@Nullable List<RuleInput> inputs, String owner) {
        List<RuleInput> rules = orEmpty(inputs);
        List<DataRule> checked = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            checked.add(rule(rules.get(i), owner + ".rules[" + i + "]"));
        }
        return checked;
    }

    private static DataRule rule(@Nullable RuleInput input, String field) {
        if (input == null) {
            throw ApiException.badRequest(field, "must not be null");
        }
        checkPath(input.dataPath(), field + ".data_path");
        Operator operator = Operator.parse(input.operator()).orElseThrow(() ->
                ApiException.badRequest(field + ".operator", "must be one of " + Operator.wireNames()));
        JsonNode value = input.value();
        if (value == null || !fits(operator, value)) {
            throw ApiException.badRequest(field + ".value", switch (operator) {
                case EQ, NE -> "must be a string, a number or a boolean";
                case GT, GE, LT, LE -> "must be a number";
                case IN -> "must be a non-empty array of strings, numbers or booleans";
            });
        }
        return new DataRule(input.dataPath(), operator, value.deepCopy());
    }

    private static boolean fits(Operator operator, JsonNode value) {
        return switch (operator) {
            case EQ, NE -> scalar(value);
            case GT, GE, LT, LE -> value.isNumber() && number(value).isPresent();
            case IN -> value.isArray() && !value.isEmpty() && value.valueStream().allMatch(BadgeRules::scalar);
        };
    }

    private static void checkPath(@Nullable String path, String field) {
        if (path == null || !DATA_PATH.matcher(path).matches()) {
            throw ApiException.badRequest(field, "must be a dotted path of lower-case names, like course.course_key");
        }
    }

    // ---- on an event ----

    /** The event's data: the value of the payload's one top-level field, which rules' paths start from. */
    static JsonNode dataOf(JsonNode payload) {
        if (!payload.isObject() || payload.size() != 1) {
            throw new IllegalArgumentException("a payload has exactly one top-level field, not " + payload);
        }
        return payload.values().iterator().next();
    }

    /** Whether all the rules hold on the data (none: yes). */
    static boolean matches(List<DataRule> rules, JsonNode data) {
        return rules.stream().allMatch(rule -> holds(rule, data));
    }

    /** The value a count requirement counts for an event: the one at {@code distinctBy}, empty when there is none. */
    static Optional<String> distinctValue(Requirement requirement, JsonNode data) {
        if (requirement.distinctBy() == null) {
            return Optional.empty();
        }
        return valueAt(data, requirement.distinctBy()).map(JsonNode::asString);
    }

    /** The indexes of the template's requirements the event meets: of its type, all rules holding. */
    static List<Integer> matchedBy(Template template, String eventType, JsonNode data) {
        List<Integer> matched = new ArrayList<>();
        for (int i = 0; i < template.requirements().size(); i++) {
            Requirement requirement = template.requirements().get(i);
            if (requirement.eventType().equals(eventType) && matches(requirement.rules(), data)) {
                matched.add(i);
            }
        }
        return matched;
    }

    /** The indexes of the requirements the event resets: those of every penalty of its type whose rules all hold. */
    static List<Integer> resetBy(Template template, String eventType, JsonNode data) {
        return template.penalties().stream()
                .filter(penalty -> penalty.eventType().equals(eventType) && matches(penalty.rules(), data))
                .flatMap(penalty -> penalty.resets().stream())
                .collect(Collectors.toCollection(TreeSet::new))
                .stream().toList();
    }

    /**
     * @param fulfilledRequirementIndexes the requirements fulfilled (count requirements: those that reached their
     *                                    count); indexes beyond the template are ignored
     */
    static Progress progress(Template template, Set<Integer> fulfilledRequirementIndexes) {
        Map<Object, Boolean> groups = new LinkedHashMap<>();
        List<Requirement> requirements = template.requirements();
        for (int i = 0; i < requirements.size(); i++) {
            String blend = requirements.get(i).blend();
            Object group = blend == null ? Integer.valueOf(i) : blend;
            groups.merge(group, fulfilledRequirementIndexes.contains(i), Boolean::logicalOr);
        }
        int fulfilled = (int) groups.values().stream().filter(Boolean::booleanValue).count();
        return new Progress(fulfilled, groups.size());
    }

    private static boolean holds(DataRule rule, JsonNode data) {
        return valueAt(data, rule.dataPath()).map(actual -> compare(rule.operator(), actual, rule.value()))
                .orElse(false);
    }

    private static boolean compare(Operator operator, JsonNode actual, JsonNode expected) {
        return switch (operator) {
            case EQ -> same(actual, expected);
            case NE -> !same(actual, expected);
            case GT -> ordered(actual, expected, order -> order > 0);
            case GE -> ordered(actual, expected, order -> order >= 0);
            case LT -> ordered(actual, expected, order -> order < 0);
            case LE -> ordered(actual, expected, order -> order <= 0);
            case IN -> expected.valueStream().anyMatch(candidate -> same(actual, candidate));
        };
    }

    /** {@code eq}: numerically when a JSON number meets a number, else as text with booleans coerced. */
    private static boolean same(JsonNode actual, JsonNode expected) {
        if (actual.isNumber() || expected.isNumber()) {
            Optional<BigDecimal> left = number(actual);
            Optional<BigDecimal> right = number(expected);
            if (left.isPresent() && right.isPresent()) {
                return left.get().compareTo(right.get()) == 0;
            }
        }
        return text(actual).equals(text(expected));
    }

    private static boolean ordered(JsonNode actual, JsonNode expected, Predicate<Integer> order) {
        Optional<BigDecimal> left = number(actual);
        Optional<BigDecimal> right = number(expected);
        return left.isPresent() && right.isPresent() && order.test(left.get().compareTo(right.get()));
    }

    /** As Python prints it: booleans {@code True} and {@code False}, so that {@code "true"} equals {@code true}. */
    private static String text(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue() ? "True" : "False";
        }
        String text = value.asString();
        return switch (text) {
            case "true" -> "True";
            case "false" -> "False";
            default -> text;
        };
    }

    /** A JSON number, or a string in JSON's number grammar ({@code "0.85"}). */
    private static Optional<BigDecimal> number(JsonNode value) {
        try {
            if (value.isNumber()) {
                return value instanceof NumericNode numeric && numeric.isNaN()
                        ? Optional.empty() : Optional.of(value.decimalValue());
            }
            if (value.isString() && NUMBER.matcher(value.stringValue()).matches()) {
                return Optional.of(new BigDecimal(value.stringValue()));
            }
        } catch (NumberFormatException outOfRange) {
            // an exponent beyond what BigDecimal holds: not a number these rules compare
        }
        return Optional.empty();
    }

    /** The string, number or boolean at the dotted path; empty when the path leads nowhere or to anything else. */
    private static Optional<JsonNode> valueAt(JsonNode data, String path) {
        JsonNode node = data;
        for (String name : path.split("\\.")) {
            node = node.isObject() ? node.path(name) : null;
            if (node == null) {
                return Optional.empty();
            }
        }
        return scalar(node) ? Optional.of(node) : Optional.empty();
    }

    private static boolean scalar(JsonNode value) {
        return value.isString() || value.isBoolean() || (value.isNumber() && number(value).isPresent());
    }

    private static <T> List<T> orEmpty(@Nullable List<T> list) {
        return list == null ? List.of() : list;
    }
}
