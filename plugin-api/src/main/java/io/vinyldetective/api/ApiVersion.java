package io.vinyldetective.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this plugin API. Every plugin jar states the API version it was built for in its
 * manifest ({@code Plugin-Requires}); the engine refuses a plugin built for another major version.
 *
 * <p>The API follows semantic versioning: a minor version only adds (default methods, optional
 * capability interfaces, record factory methods); a major version may break plugins.
 */
public final class ApiVersion {

    /** The full version of the API on the class path, e.g. {@code 1.0.0}. */
    public static final String CURRENT = load();

    private ApiVersion() {
    }

    /** The major part of {@link #CURRENT}. */
    public static int major() {
        return majorOf(CURRENT);
    }

    /** The major part of a version string such as {@code 1.2.3}, {@code >=1.0.0} or {@code 1.x}. */
    public static int majorOf(String version) {
        String digits = version.strip().replaceFirst("^[^0-9]*", "");
        int end = 0;
        while (end < digits.length() && Character.isDigit(digits.charAt(end))) {
            end++;
        }
        if (end == 0) {
            throw new IllegalArgumentException("not a version: '" + version + "'");
        }
        return Integer.parseInt(digits.substring(0, end));
    }

    private static String load() {
        try (InputStream in = ApiVersion.class.getResourceAsStream("api-version.properties")) {
            if (in == null) {
                throw new IllegalStateException("api-version.properties missing from plugin-api");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("api.version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
