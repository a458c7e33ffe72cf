package io.vinyldetective.e2e;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The shared ground truth beside the checkout ({@code vd.shared.dir}, which Failsafe sets to
 * {@code ../shared}): the recorded API answers the fakes are built from and the Discogs dump sample,
 * plus the few JSON helpers the fakes need (jackson-jr, as the plugins use).
 */
public final class Shared {

    private Shared() {
    }

    static Path dir() {
        String dir = System.getProperty("vd.shared.dir");
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("system property vd.shared.dir is not set (Failsafe sets it to ../shared)");
        }
        Path path = Path.of(dir).toAbsolutePath().normalize();
        if (!Files.isDirectory(path.resolve("api"))) {
            throw new IllegalStateException("no recorded API answers under " + path + " (vd.shared.dir)");
        }
        return path;
    }

    /** A recorded file under {@code shared/}, e.g. {@code api/ebay/ebay_wire_notes.json}. */
    public static Path file(String relative) {
        return dir().resolve(relative);
    }

    /** A recorded JSON object, parsed afresh (callers may change it). */
    static Map<String, Object> json(String relative) {
        try {
            return JSON.std.mapFrom(Files.readString(file(relative)));
        } catch (IOException e) {
            throw new UncheckedIOException("recorded answer missing or unreadable: " + relative, e);
        }
    }

    static Map<String, Object> parse(String json) {
        try {
            return JSON.std.mapFrom(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON object: " + abbreviate(json), e);
        }
    }

    static String write(Object value) {
        try {
            return JSON.std.asString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A deep copy of a JSON object. */
    static Map<String, Object> copy(Map<String, Object> json) {
        return parse(write(json));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** The words of a text as the fakes compare them: lower case, apostrophes dropped, split at anything else. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).replace("'", "").split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }
}
