package io.vinyldetective.plugins.ebay;

import com.fasterxml.jackson.jr.ob.JSON;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.vinyldetective.api.Money;

/** Reading eBay's JSON as plain maps and lists (jackson-jr, shaded into the plugin jar). */
final class Json {

    private static final JSON PARSER = JSON.std;

    private Json() {
    }

    /** The body as a JSON object. */
    static Map<String, Object> object(byte[] body) throws IOException {
        Object value = PARSER.anyFrom(body);
        if (!(value instanceof Map)) {
            throw new IOException("not a JSON object");
        }
        return cast(value);
    }

    /** The member as an object, or null when absent or not an object. */
    static Map<String, Object> object(Map<String, Object> parent, String name) {
        Object v = parent == null ? null : parent.get(name);
        return v instanceof Map ? cast(v) : null;
    }

    /** The member as a list, or an empty list when absent or not a list. */
    static List<Object> list(Map<String, Object> parent, String name) {
        Object v = parent == null ? null : parent.get(name);
        return v instanceof List ? cast(v) : List.of();
    }

    /** The member as text (numbers and booleans as their text), or null when absent, blank or structured. */
    static String text(Map<String, Object> parent, String name) {
        Object v = parent == null ? null : parent.get(name);
        if (v instanceof String s) {
            return s.isBlank() ? null : s;
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        return null;
    }

    /** An eBay {@code Amount} ({@code {"value":"12.00","currency":"USD"}}), or null when absent. */
    static Money money(Map<String, Object> parent, String name) {
        Map<String, Object> amount = object(parent, name);
        if (amount == null) {
            return null;
        }
        String value = text(amount, "value");
        String currency = text(amount, "currency");
        if (value == null || currency == null) {
            throw new IllegalArgumentException(name + " lacks value or currency");
        }
        return new Money(new BigDecimal(value), currency);
    }

    @SuppressWarnings("unchecked")
    static <T> T cast(Object value) {
        return (T) value;
    }
}
