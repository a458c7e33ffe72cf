package io.vinyldetective.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The product version and the plugin API version, stamped by the build. */
public final class EngineVersion {

    public static final String VERSION;
    public static final String API_VERSION;

    static {
        Properties p = new Properties();
        try (InputStream in = EngineVersion.class.getResourceAsStream("/vinyl-detective-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        VERSION = p.getProperty("version", "dev");
        API_VERSION = p.getProperty("api.version", io.vinyldetective.api.ApiVersion.CURRENT);
    }

    private EngineVersion() {
    }
}
