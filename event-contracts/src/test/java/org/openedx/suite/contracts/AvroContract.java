package org.openedx.suite.contracts;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsonFormatVisitors.JsonFormatVisitorWrapper;
import tools.jackson.databind.jsonFormatVisitors.JsonObjectFormatVisitor;

/**
 * Compares a payload record class with the Avro schema Open edX generates for its event, field by field, and lists
 * every place where what {@link EventJson} writes would not match what an Open edX consumer expects.
 *
 * <p>The Java side is read the way {@link EventJson} sees it: field names and their order come from Jackson's own
 * serializer for the record, so a naming strategy or property order that drifts shows up here exactly as it would
 * on the wire. Nullability comes from the record components' {@link Nullable} annotations and is cross-checked
 * against what the canonical constructor actually accepts.
 */
final class AvroContract {

    static final String AVRO_DIR_PROPERTY = "openedx.avro.dir";

    private static final JsonMapper SCHEMA_READER = JsonMapper.builder().build();

    private static final Set<String> PRIMITIVES =
            Set.of("null", "boolean", "int", "long", "float", "double", "bytes", "string");

    /** Avro primitive -> the Java types that carry it; datetimes travel as strings, so Instant is a string too. */
    private static final Map<String, Set<Class<?>>> JAVA_TYPES_OF = Map.of(
            "string", Set.of(String.class, Instant.class),
            "long", Set.of(long.class, Long.class),
            "int", Set.of(int.class, Integer.class),
            "boolean", Set.of(boolean.class, Boolean.class),
            "float", Set.of(float.class, Float.class),
            "double", Set.of(double.class, Double.class));

    /** One place where the Java record and the schema disagree. */
    record Mismatch(String path, String problem) {
        @Override
        public String toString() {
            return path + ": " + problem;
        }
    }

    private final Map<String, JsonNode> namedTypes = new HashMap<>();
    private final List<Mismatch> mismatches = new ArrayList<>();

    private AvroContract() {
    }

    /** The schema file of an event type, from the directory in {@value #AVRO_DIR_PROPERTY}; fails when it is absent. */
    static JsonNode schemaOf(String eventTypeName) {
        String dir = System.getProperty(AVRO_DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("system property " + AVRO_DIR_PROPERTY
                    + " is not set: it must point at the openedx-events Avro schemas");
        }
        Path directory = Path.of(dir);
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException(AVRO_DIR_PROPERTY + " = " + directory.toAbsolutePath()
                    + " is not a directory");
        }
        Path file = directory.resolve(eventTypeName + ".avsc");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no Avro schema for " + eventTypeName + ": " + file.toAbsolutePath()
                    + " does not exist");
        }
        try {
            return SCHEMA_READER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file.toAbsolutePath(), e);
        }
    }

    /**
     * Every disagreement between the payload record and the schema's top-level CloudEvent record; empty when they
     * match.
     */
    static List<Mismatch> check(Class<?> payloadType, JsonNode schema) {
        AvroContract contract = new AvroContract();
        contract.collectNamedTypes(schema, "");
        if (!"record".equals(schema.path("type").asString(""))) {
            contract.mismatch("", "the schema's top level is not a record: " + schema.path("type"));
        } else {
            contract.checkRecordFields("", schema, payloadType);
        }
        return List.copyOf(contract.mismatches);
    }

    // Avro lets a schema refer to a named type only after it has been defined; walking the schema in document
    // order with the definitions seen so far enforces exactly that.
    private void collectNamedTypes(JsonNode type, String path) {
        if (type.isString()) {
            String name = type.asString();
            if (!PRIMITIVES.contains(name) && !namedTypes.containsKey(name)) {
                mismatch(path, "the schema refers to " + name + ", which is not defined before this point");
            }
        } else if (type.isArray()) {
            type.forEach(branch -> collectNamedTypes(branch, path));
        } else if (type.isObject()) {
            String kind = type.path("type").asString("");
            if (Set.of("record", "enum", "fixed").contains(kind)) {
                String name = type.path("name").asString("");
                namedTypes.put(name, type);
                String namespace = type.path("namespace").asString("");
                if (!namespace.isEmpty()) {
                    namedTypes.put(namespace + "." + name, type);
                }
            }
            switch (kind) {
                case "record" -> type.path("fields").forEach(field ->
                        collectNamedTypes(field.path("type"), join(path, field.path("name").asString(""))));
                case "array" -> collectNamedTypes(type.path("items"), path);
                case "map" -> collectNamedTypes(type.path("values"), path);
                default -> {
                    // primitives, enums and fixed refer to no other type
                }
            }
        }
    }

    private void checkRecordFields(String path, JsonNode avroRecord, Class<?> javaType) {
        if (!javaType.isRecord()) {
            mismatch(path, javaType.getName() + " is not a record");
            return;
        }
        Map<String, JsonNode> avroFields = new LinkedHashMap<>();
        avroRecord.path("fields").forEach(field -> avroFields.put(field.path("name").asString(""), field));
        Map<String, BeanProperty> javaFields = new LinkedHashMap<>();
        for (BeanProperty property : propertiesAsWritten(javaType)) {
            javaFields.put(property.getName(), property);
        }

        avroFields.keySet().stream()
                .filter(name -> !javaFields.containsKey(name))
                .forEach(name -> mismatch(join(path, name),
                        "in the schema but " + javaType.getSimpleName() + " does not write it"));
        javaFields.keySet().stream()
                .filter(name -> !avroFields.containsKey(name))
                .forEach(name -> mismatch(join(path, name),
                        javaType.getSimpleName() + " writes it but the schema has no such field"));

        List<String> schemaOrder = avroFields.keySet().stream().filter(javaFields::containsKey).toList();
        List<String> writtenOrder = javaFields.keySet().stream().filter(avroFields::containsKey).toList();
        for (int i = 0; i < schemaOrder.size(); i++) {
            if (!schemaOrder.get(i).equals(writtenOrder.get(i))) {
                mismatch(join(path, schemaOrder.get(i)), "out of order: the schema has it where "
                        + javaType.getSimpleName() + " writes " + writtenOrder.get(i)
                        + " (schema order " + schemaOrder + ", written order " + writtenOrder + ")");
            }
        }

        Map<String, RecordComponent> components = new HashMap<>();
        for (RecordComponent component : javaType.getRecordComponents()) {
            components.put(component.getName(), component);
        }
        for (String name : schemaOrder) {
            BeanProperty property = javaFields.get(name);
            RecordComponent component = components.get(property.getMember().getName());
            String fieldPath = join(path, name);
            if (component == null) {
                mismatch(fieldPath, "written from " + property.getMember() + ", which is not a record component");
                continue;
            }
            checkField(fieldPath, avroFields.get(name).path("type"), javaType, component);
        }
    }

    private void checkField(String path, JsonNode avroType, Class<?> owner, RecordComponent component) {
        JsonNode valueType = avroType;
        boolean schemaNullable = false;
        if (avroType.isArray()) {
            List<JsonNode> branches = new ArrayList<>();
            avroType.forEach(branches::add);
            List<JsonNode> nonNull = branches.stream().filter(b -> !"null".equals(b.asString(""))).toList();
            if (branches.size() != 2 || nonNull.size() != 1) {
                mismatch(path, "unsupported union " + avroType + ": only [\"null\", X] is mapped to Java");
                return;
            }
            schemaNullable = true;
            valueType = nonNull.get(0);
        }

        boolean javaNullable = component.getAnnotatedType().isAnnotationPresent(Nullable.class);
        if (schemaNullable && !javaNullable) {
            mismatch(path, "the schema allows null (" + avroType + ") but the component is not @Nullable");
        } else if (!schemaNullable && javaNullable) {
            mismatch(path, "the schema requires a value (" + avroType + ") but the component is @Nullable");
        }
        Class<?> javaType = component.getType();
        if (schemaNullable && javaType.isPrimitive()) {
            mismatch(path, "the schema allows null but " + javaType + " cannot hold it");
        }
        if (!javaType.isPrimitive()) {
            checkConstructorNullHandling(path, owner, component, schemaNullable);
        }

        checkType(path, valueType, javaType);
    }

    private void checkType(String path, JsonNode avroType, Class<?> javaType) {
        JsonNode resolved = avroType;
        if (avroType.isString() && !PRIMITIVES.contains(avroType.asString())) {
            resolved = namedTypes.get(avroType.asString());
            if (resolved == null) {
                return; // already reported while collecting named types
            }
        }
        String kind = resolved.isString() ? resolved.asString() : resolved.path("type").asString("");
        if ("record".equals(kind)) {
            String avroName = resolved.path("name").asString("");
            String simpleAvroName = avroName.substring(avroName.lastIndexOf('.') + 1);
            if (!javaType.isRecord()) {
                mismatch(path, "the schema has record " + avroName + " but the Java type is " + javaType.getName());
                return;
            }
            if (!simpleAvroName.equals(javaType.getSimpleName())) {
                mismatch(path, "the schema has record " + avroName + " but the Java record is "
                        + javaType.getSimpleName());
            }
            checkRecordFields(path, resolved, javaType);
        } else if ("array".equals(kind) || "map".equals(kind)) {
            // the container only: the element type of a List or Map component is not checked here
            Class<?> expected = "array".equals(kind) ? List.class : java.util.Map.class;
            if (javaType != expected) {
                mismatch(path, "the schema type is " + kind + " but the Java type is " + javaType.getName());
            }
        } else if (JAVA_TYPES_OF.containsKey(kind)) {
            if (!JAVA_TYPES_OF.get(kind).contains(javaType)) {
                mismatch(path, "the schema type is " + kind + " but the Java type is " + javaType.getName());
            }
        } else {
            mismatch(path, "the Avro type " + resolved + " has no Java mapping in these contracts");
        }
    }

    // The annotation is a promise; the constructor is what producers actually run into.
    private void checkConstructorNullHandling(
            String path, Class<?> owner, RecordComponent component, boolean schemaNullable) {
        RecordComponent[] components = owner.getRecordComponents();
        Object[] args;
        try {
            args = sampleArguments(owner);
        } catch (IllegalStateException e) {
            mismatch(path, "cannot build a sample " + owner.getSimpleName() + " to try null on: " + e.getMessage());
            return;
        }
        // RecordComponent has no equals; each getRecordComponents() call returns fresh instances
        int index = Arrays.stream(components).map(RecordComponent::getName).toList().indexOf(component.getName());
        args[index] = null;
        Throwable rejection = construct(owner, args);
        if (schemaNullable && rejection != null) {
            mismatch(path, "the schema allows null but the " + owner.getSimpleName()
                    + " constructor rejects it: " + rejection);
        } else if (!schemaNullable && rejection == null) {
            mismatch(path, "the schema requires a value but the " + owner.getSimpleName()
                    + " constructor accepts null");
        }
    }

    /** @return what the canonical constructor threw, or null when it accepted the arguments */
    private static @Nullable Throwable construct(Class<?> recordType, Object[] args) {
        try {
            canonicalConstructor(recordType).newInstance(args);
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call the constructor of " + recordType.getName(), e);
        }
    }

    private static Object[] sampleArguments(Class<?> recordType) {
        RecordComponent[] components = recordType.getRecordComponents();
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            args[i] = sampleOf(components[i].getType());
        }
        return args;
    }

    private static Object sampleOf(Class<?> type) {
        if (type == String.class) {
            return "sample";
        }
        if (type == Instant.class) {
            return Instant.parse("2026-11-25T10:15:30.123456Z");
        }
        if (type == long.class || type == Long.class) {
            return 1L;
        }
        if (type == int.class || type == Integer.class) {
            return 1;
        }
        if (type == boolean.class || type == Boolean.class) {
            return Boolean.TRUE;
        }
        if (type == float.class || type == Float.class) {
            return 1.0f;
        }
        if (type == double.class || type == Double.class) {
            return 1.0d;
        }
        if (type == List.class) {
            return List.of();
        }
        if (type == java.util.Map.class) {
            return java.util.Map.of();
        }
        if (type.isRecord()) {
            Object[] args = sampleArguments(type);
            Throwable rejection = construct(type, args);
            if (rejection != null) {
                throw new IllegalStateException(type.getSimpleName() + " rejects sample values: " + rejection);
            }
            try {
                return canonicalConstructor(type).newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("no sample value for " + type.getName());
    }

    private static Constructor<?> canonicalConstructor(Class<?> recordType) throws NoSuchMethodException {
        Class<?>[] parameterTypes = Arrays.stream(recordType.getRecordComponents())
                .map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        Constructor<?> constructor = recordType.getDeclaredConstructor(parameterTypes);
        constructor.setAccessible(true);
        return constructor;
    }

    /** The properties EventJson's serializer writes for this type, in the order it writes them. */
    private static List<BeanProperty> propertiesAsWritten(Class<?> type) {
        List<BeanProperty> properties = new ArrayList<>();
        EventJson.mapper().acceptJsonFormatVisitor(type, new JsonFormatVisitorWrapper.Base() {
            @Override
            public JsonObjectFormatVisitor expectObjectFormat(JavaType javaType) {
                return new JsonObjectFormatVisitor.Base(getContext()) {
                    @Override
                    public void property(BeanProperty property) {
                        properties.add(property);
                    }

                    @Override
                    public void optionalProperty(BeanProperty property) {
                        properties.add(property);
                    }
                };
            }
        });
        return properties;
    }

    private void mismatch(String path, String problem) {
        mismatches.add(new Mismatch(path.isEmpty() ? "<payload>" : path, problem));
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
