package io.vinyldetective.engine.cli;

import io.vinyldetective.engine.EngineVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the product version and the plugin API version it hosts. */
public class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"vinyl-detective " + EngineVersion.VERSION + " (plugin API " + EngineVersion.API_VERSION + ")"};
    }
}
