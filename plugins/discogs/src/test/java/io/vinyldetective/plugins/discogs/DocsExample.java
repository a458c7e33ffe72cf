package io.vinyldetective.plugins.discogs;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;

/**
 * An example answer of the Discogs API documentation ({@code shared/api/discogs/discogs_api_dev_docs.md},
 * a copy of discogs.com/developers): the first response body after an endpoint's path, as JSON. The copy
 * ends array lines with a stray backslash; it is dropped.
 */
final class DocsExample {

    private DocsExample() {
    }

    /** The example body documented for {@code endpoint}, e.g. {@code /users/{username}/wants}. */
    static Map<String, Object> body(String endpoint) {
        String docs;
        try {
            docs = Files.readString(FakeDiscogs.sharedDir().resolve("api/discogs/discogs_api_dev_docs.md"),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int at = docs.indexOf("`" + endpoint);
        int body = at < 0 ? -1 : docs.indexOf("##### Body", at);
        int open = body < 0 ? -1 : docs.indexOf("```", body);
        int close = open < 0 ? -1 : docs.indexOf("```", open + 3);
        if (close < 0) {
            throw new IllegalStateException("no documented example for " + endpoint);
        }
        String json = docs.substring(open + 3, close).replaceAll("\\\\(\\r?\\n)", "$1");
        try {
            return JSON.std.mapFrom(json);
        } catch (IOException e) {
            throw new UncheckedIOException("the documented example for " + endpoint + " is not JSON", e);
        }
    }
}
