package io.vinyldetective.plugins.discogs;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Lenient reading of Discogs JSON (parsed with jackson-jr into maps and lists): every accessor
 * answers null or empty for a missing or mistyped field instead of throwing, so one odd field
 * never loses a whole answer. Numbers that look like money arrive as {@link BigDecimal}.
 */
final class JsonDoc {

    private static final JSON PARSER = JSON.builder().enable(JSON.Feature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final Map<String, Object> map;

    private JsonDoc(Map<String, Object> map) {
        this.map = map;
    }

    /**
     * Parses a JSON object.
     *
     * @throws MalformedJson when the text is not a JSON object (an HTML error page, truncated text, ...)
     */
    @SuppressWarnings("unchecked")
    static JsonDoc parse(byte[] body) {
        Object any;
        try {
            any = PARSER.anyFrom(body);
        } catch (IOException | RuntimeException e) {
            throw new MalformedJson(describe(body), e);
        }
        if (!(any instanceof Map)) {
            throw new MalformedJson(describe(body), null);
        }
        return new JsonDoc((Map<String, Object>) any);
    }

    /** The object at {@code key}, or null. */
    @SuppressWarnings("unchecked")
    JsonDoc object(String key) {
        Object v = map.get(key);
        return v instanceof Map ? new JsonDoc((Map<String, Object>) v) : null;
    }

    /** The objects in the array at {@code key}; entries that are not objects are left out. */
    @SuppressWarnings("unchecked")
    List<JsonDoc> objects(String key) {
        Object v = map.get(key);
        if (!(v instanceof List)) {
            return List.of();
        }
        return ((List<Object>) v).stream().filter(e -> e instanceof Map)
                .map(e -> new JsonDoc((Map<String, Object>) e)).toList();
    }

    /** The strings (or numbers, as text) in the array at {@code key}; other entries are left out. */
    @SuppressWarnings("unchecked")
    List<String> strings(String key) {
        Object v = map.get(key);
        if (!(v instanceof List)) {
            return List.of();
        }
        return ((List<Object>) v).stream().filter(e -> e instanceof String || e instanceof Number)
                .map(Object::toString).toList();
    }

    /** Text at {@code key} (a number is given as its text), stripped; null when missing or blank. */
    String string(String key) {
        Object v = map.get(key);
        if (v instanceof String s) {
            return s.isBlank() ? null : s.strip();
        }
        if (v instanceof Number n) {
            return n instanceof BigDecimal d ? d.toPlainString() : n.toString();
        }
        return null;
    }

    /** A whole number at {@code key}, also from text such as {@code "2016"}; null otherwise. */
    Long longValue(String key) {
        Object v = map.get(key);
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof BigInteger) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigDecimal d) {
            try {
                return d.longValueExact();
            } catch (ArithmeticException notWhole) {
                return null;
            }
        }
        if (v instanceof String s && s.strip().matches("-?\\d{1,18}")) {
            return Long.parseLong(s.strip());
        }
        return null;
    }

    /** A decimal number at {@code key} (also from numeric text); null otherwise. */
    BigDecimal decimal(String key) {
        Object v = map.get(key);
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        if (v instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        if (v instanceof String s) {
            try {
                return new BigDecimal(s.strip());
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return null;
    }

    /** {@code true} only for a JSON {@code true} at {@code key}. */
    boolean isTrue(String key) {
        return Boolean.TRUE.equals(map.get(key));
    }

    boolean has(String key) {
        return map.containsKey(key);
    }

    boolean isEmpty() {
        return map.isEmpty();
    }

    /** The keys in document order. */
    Iterable<String> keys() {
        return map.keySet();
    }

    /** What a body that is not JSON looks like, for a log line: its length and first non-blank character. */
    private static String describe(byte[] body) {
        if (body == null || body.length == 0) {
            return "an empty body";
        }
        String text = new String(body, 0, Math.min(body.length, 64), java.nio.charset.StandardCharsets.UTF_8).strip();
        String kind = text.startsWith("<") ? "HTML or XML" : text.startsWith("{") ? "incomplete JSON" : "not JSON";
        return kind + " (" + body.length + " bytes)";
    }

    /** A body that is not the JSON object expected. The message says what it looked like, never its text. */
    static final class MalformedJson extends RuntimeException {
        MalformedJson(String what, Throwable cause) {
            super(what, cause);
        }
    }
}
