package io.vinyldetective.engine.plugins;

import java.nio.file.Path;
import java.util.List;
import org.pf4j.PluginRepository;

/** The jars that passed {@link PluginHost}'s checks: the only ones PF4J gets to see. */
final class VettedRepository implements PluginRepository {

    private final List<Path> jars;

    VettedRepository(List<Path> jars) {
        this.jars = List.copyOf(jars);
    }

    @Override
    public List<Path> getPluginPaths() {
        return jars;
    }

    @Override
    public boolean deletePluginPath(Path pluginPath) {
        return false;
    }
}
