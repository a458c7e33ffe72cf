package io.vinyldetective.plugins.match.eval;

import io.micronaut.context.ApplicationContext;
import io.vinyldetective.engine.catalog.dump.DumpImporter;
import io.vinyldetective.engine.catalog.dump.ImportProgress;
import io.vinyldetective.engine.catalog.dump.ImportSummary;
import io.vinyldetective.engine.pipeline.Pipeline;
import io.vinyldetective.engine.pipeline.PipelineAssembler;
import io.vinyldetective.engine.pipeline.PipelineSettings;
import io.vinyldetective.engine.storage.StorageSettings;
import java.nio.file.Path;
import java.util.Map;

/**
 * The engine as the dev-set tests run it: the built tier jars copied into a plugins folder under
 * {@code dir}, an engine context on a SQLite file there, a dump imported by the engine's importer, and
 * the configured tier chain assembled from the jars.
 *
 * @param context  the engine's context
 * @param pipeline the assembled matcher tiers
 * @param imported what the import did
 */
record DevSetEngine(ApplicationContext context, Pipeline pipeline, ImportSummary imported) implements AutoCloseable {

    static DevSetEngine start(Path dir, Path dump) throws Exception {
        Path plugins = BuiltPlugins.copyInto(dir.resolve("plugins"));
        ApplicationContext context = ApplicationContext.run(Map.of(StorageSettings.DATA_DIR, dir.resolve("data").toString(),
                "vinyl-detective.plugins-dir", plugins.toString()));
        try {
            ImportSummary imported = context.getBean(DumpImporter.class).importFile(dump, ImportProgress.NONE);
            Pipeline pipeline = context.getBean(PipelineAssembler.class)
                    .assembleMatchers(context.getBean(PipelineSettings.class), false);
            return new DevSetEngine(context, pipeline, imported);
        } catch (Exception | Error e) {
            context.close();
            throw e;
        }
    }

    @Override
    public void close() {
        pipeline.close();
        context.close();
    }
}
