package org.worldbench.experiment.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One {@code @Param} of a benchmark: its name, the values its annotation declares (JMH's default
 * set) and the Java type of the field, used to reject a value before any JVM is forked.
 *
 * @param name           the field name, which is the parameter name in specs and in JMH
 * @param declaredValues the annotation's values, in declaration order
 * @param type           the field's type; null when the field could not be found by reflection
 */
public record ParameterDefinition(String name, List<String> declaredValues, Class<?> type) {

    public ParameterDefinition {
        declaredValues = List.copyOf(declaredValues);
    }

    /** Why {@code value} cannot be given to this parameter, or empty when it can. */
    public Optional<String> rejection(String value) {
        if (type == null || type == String.class) {
            return Optional.empty();
        }
        if (type.isEnum()) {
            boolean known = Arrays.stream(type.getEnumConstants()).anyMatch(c -> ((Enum<?>) c).name().equals(value));
            return known ? Optional.empty() : Optional.of("'" + value + "' is not a value of " + type.getSimpleName() + " ("
                    + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "))
                    + ")");
        }
        try {
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(value);
            } else if (type == long.class || type == Long.class) {
                Long.parseLong(value);
            } else if (type == short.class || type == Short.class) {
                Short.parseShort(value);
            } else if (type == byte.class || type == Byte.class) {
                Byte.parseByte(value);
            } else if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
                Double.parseDouble(value);
            } else if (type == boolean.class || type == Boolean.class) {
                if (!value.equals("true") && !value.equals("false")) {
                    return Optional.of("expected true or false, got '" + value + "'");
                }
            } else if (type == char.class || type == Character.class) {
                if (value.length() != 1) {
                    return Optional.of("expected one character, got '" + value + "'");
                }
            }
        } catch (NumberFormatException e) {
            return Optional.of("expected " + type.getSimpleName() + ", got '" + value + "'");
        }
        return Optional.empty();
    }
}
