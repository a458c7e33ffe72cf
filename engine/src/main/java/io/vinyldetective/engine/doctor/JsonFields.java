package io.vinyldetective.engine.doctor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The scalar fields of a JSON object answer, two levels deep, by path: {@code username},
 * {@code result.username}, {@code error_code}. Enough for the doctor's credential checks; anything
 * that is not a JSON object gives no fields.
 */
final class JsonFields {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonFields() {
    }

    static Map<String, String> of(byte[] body) {
        Map<String, String> fields = new HashMap<>();
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() == JsonToken.START_OBJECT) {
                readObject(p, "", 1, fields);
            }
        } catch (IOException e) {
            // Not JSON (a proxy's HTML page, say): no fields; the caller goes by the status.
        }
        return fields;
    }

    private static void readObject(JsonParser p, String prefix, int depth, Map<String, String> fields) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = prefix + p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.START_OBJECT && depth < 2) {
                readObject(p, name + ".", depth + 1, fields);
            } else if (value.isStructStart()) {
                p.skipChildren();
            } else if (value != JsonToken.VALUE_NULL) {
                fields.put(name, p.getText());
            }
        }
    }
}
