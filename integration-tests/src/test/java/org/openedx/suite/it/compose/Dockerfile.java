package org.openedx.suite.it.compose;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile read the way the builder reads it, as far as these tests need: instructions with their continuation
 * lines joined and comments dropped, grouped into stages, and each stage's base image with the build arguments
 * declared before the first {@code FROM} put in.
 */
record Dockerfile(List<Stage> stages) {

    private static final Pattern INSTRUCTION = Pattern.compile("(?s)\\s*(\\w+)\\s*(.*)");
    private static final Pattern FROM = Pattern.compile("(?i)(?:--platform=\\S+\\s+)?(\\S+)(?:\\s+AS\\s+(\\S+))?\\s*");
    private static final Pattern ARG = Pattern.compile("(\\w+)(?:=(\\S*))?");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}|\\$(\\w+)");

    /** One instruction: its keyword in upper case and the rest of it on one line. */
    record Instruction(String keyword, String arguments) {
    }

    /**
     * One {@code FROM} and what follows it.
     *
     * @param name its {@code AS} name, or its index as text when it has none ({@code COPY --from} accepts either)
     */
    record Stage(int index, String name, String image, List<Instruction> instructions) {

        List<String> arguments(String keyword) {
            return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments)
                    .toList();
        }
    }

    static Dockerfile parse(String text) {
        Map<String, String> globalArgs = new HashMap<>();
        List<Stage> stages = new ArrayList<>();
        for (Instruction instruction : instructions(text)) {
            if (instruction.keyword().equals("FROM")) {
                Matcher from = FROM.matcher(instruction.arguments());
                if (!from.matches()) {
                    throw new IllegalArgumentException("unreadable FROM " + instruction.arguments());
                }
                int index = stages.size();
                String name = from.group(2) == null ? String.valueOf(index) : from.group(2);
                stages.add(new Stage(index, name, substitute(from.group(1), globalArgs), new ArrayList<>()));
            } else if (stages.isEmpty()) {
                // only ARG may come before the first FROM; its default is what FROM sees unless --build-arg says else
                Matcher arg = ARG.matcher(instruction.arguments());
                if (instruction.keyword().equals("ARG") && arg.lookingAt() && arg.group(2) != null) {
                    globalArgs.put(arg.group(1), arg.group(2));
                }
            } else {
                stages.get(stages.size() - 1).instructions().add(instruction);
            }
        }
        return new Dockerfile(List.copyOf(stages));
    }

    /** The stage the image runs: the last one. */
    Stage runtime() {
        if (stages.isEmpty()) {
            throw new IllegalStateException("the Dockerfile has no FROM");
        }
        return stages.get(stages.size() - 1);
    }

    private static List<Instruction> instructions(String text) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\\R")) {
            String trimmed = line.strip();
            // comment and empty lines may stand between continuation lines too; the builder skips them
            if (trimmed.startsWith("#") || trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            Matcher instruction = INSTRUCTION.matcher(current);
            if (instruction.matches()) {
                instructions.add(new Instruction(instruction.group(1).toUpperCase(Locale.ROOT),
                        instruction.group(2).strip()));
            }
            current.setLength(0);
        }
        return instructions;
    }

    private static String substitute(String text, Map<String, String> variables) {
        Matcher variable = VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1) != null ? variable.group(1) : variable.group(2);
            // an argument without a default stays as written, so that a check of the image says what it could not read
            variable.appendReplacement(result, Matcher.quoteReplacement(variables.getOrDefault(name, variable.group())));
        }
        variable.appendTail(result);
        return result.toString();
    }
}
