package io.vinyldetective.engine;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.vinyldetective.engine.pipeline.PipelineAssembler;
import io.vinyldetective.engine.pipeline.PluginServices;
import io.vinyldetective.engine.plugins.PluginHost;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;

/** The engine's plain-Java parts as beans: the plugin host, the clock, the pipeline assembler. */
@Factory
public class EngineFactory {

    @Singleton
    @Bean(preDestroy = "close")
    PluginHost pluginHost(@Value("${vinyl-detective.plugins-dir:}") String pluginsDir) {
        return new PluginHost(pluginsDir(pluginsDir));
    }

    /** {@code PLUGINS_DIR} when set, else the {@code plugins} folder of the installation (or of the working folder). */
    static Path pluginsDir(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String home = System.getProperty("vd.home");
        return (home == null || home.isBlank() ? Path.of(".") : Path.of(home)).resolve("plugins");
    }

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    PipelineAssembler pipelineAssembler(PluginHost host, PluginServices services) {
        return new PipelineAssembler(host, services);
    }
}
