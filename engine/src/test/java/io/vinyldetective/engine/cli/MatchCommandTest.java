package io.vinyldetective.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.vinyldetective.engine.TestData;
import io.vinyldetective.engine.catalog.dump.DumpImporter;
import io.vinyldetective.engine.catalog.dump.ImportProgress;
import io.vinyldetective.engine.plugins.PluginJarBuilder;
import io.vinyldetective.engine.storage.StorageSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code match FILE} with a tier plugin built into a jar, against the SQLite catalog filled by the importer. */
class MatchCommandTest {

    @TempDir
    Path dir;

    @Test
    void oneLinePerListingInInputOrderAndBadLinesDoNotStopTheRun() throws Exception {
        catnoTier("catno-tier").buildInto(dir.resolve("plugins"));
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, String.join("\n",
                "{\"id\":\"a\",\"title\":\"Josh Wink\",\"format\":\"CD\",\"gtin\":null,\"aspects\":{\"Catalog Number\":\"ck-63628\"}}",
                "{\"id\":\"b\",\"title\":\"broken\",",
                "",
                "{\"id\":\"c\",\"title\":\"nothing\",\"aspects\":{}}",
                "{\"id\":\"d\",\"title\":\"bad listing\"}",
                "{\"id\":\"e\",\"title\":\"boom\"}") + "\n");
        CommandRun r = run(Map.of("pipeline.matchers", "catno-tier"), in.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(List.of(
                "{\"id\":\"a\",\"release_id\":3,\"method\":\"catno\",\"score\":1.0,\"candidates\":[3],\"reasons\":[\"catalog number ck-63628\"]}",
                "{\"id\":\"b\",\"error\":\"malformed JSON: Unexpected end-of-input within/between Object entries\"}",
                "{\"id\":\"c\",\"release_id\":null,\"method\":null,\"score\":0.0,\"candidates\":[],\"reasons\":[]}",
                "{\"id\":\"d\",\"error\":\"catno-tier: bad listing\"}",
                "{\"id\":\"e\",\"release_id\":null,\"method\":null,\"score\":0.0,\"candidates\":[],\"reasons\":[],"
                        + "\"problems\":[\"catno-tier failed: IllegalStateException: bug in the tier\"]}"), lines);
        assertTrue(r.err().contains("5 listings: 1 matched, 2 unmatched, 2 unusable"), r.err());
    }

    @Test
    void aMissingFileOrNoTiersExitOneWithOneLine() throws Exception {
        CommandRun r = run(Map.of(), dir.resolve("nope.jsonl").toString());
        assertEquals(1, r.code());
        assertEquals("No such file: " + dir.resolve("nope.jsonl"), r.err().strip());
        Files.writeString(dir.resolve("x.jsonl"), "");
        r = run(Map.of("pipeline.matchers", "not-installed"), dir.resolve("x.jsonl").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("Plugin 'not-installed' named in pipeline.matchers is not available"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void onlineWithoutAnOracleIsRefused() throws Exception {
        Files.writeString(dir.resolve("x.jsonl"), "");
        CommandRun r = run(Map.of("pipeline.oracle", ""), "--online", dir.resolve("x.jsonl").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("--online needs a price oracle"), r.err());
    }

    private CommandRun run(Map<String, Object> properties, String... args) throws Exception {
        Map<String, Object> props = new java.util.HashMap<>(properties);
        props.put(StorageSettings.DATA_DIR, dir.resolve("data").toString());
        props.put("vinyl-detective.plugins-dir", dir.resolve("plugins").toString());
        try (ApplicationContext ctx = ApplicationContext.run(props)) {
            if (ctx.getBean(io.vinyldetective.engine.catalog.CatalogStore.class).size() == 0) {
                ctx.getBean(DumpImporter.class).importFile(TestData.shared("data/discogs-dump-sample/releases-50.xml"),
                        ImportProgress.NONE);
            }
            return CommandRun.execute(ctx, MatchCommand.class, args);
        }
    }

    /** A tier that matches the item specific "Catalog Number" in the catalog; "bad" titles are refused, "boom" throws. */
    static PluginJarBuilder catnoTier(String pluginId) {
        String pkg = "test." + pluginId.replace('-', '_');
        return PluginJarBuilder.plugin(pluginId).source(pkg + ".CatnoTier", """
                package %s;

                import io.vinyldetective.api.*;
                import java.util.List;
                import java.util.Optional;

                public class CatnoTier implements MatcherTier {
                    private Catalog catalog;

                    public void start(PluginContext context) {
                        catalog = context.catalog();
                    }

                    public String method() {
                        return "catno";
                    }

                    public Optional<MatchResult> match(Listing listing) {
                        if (listing.title().startsWith("bad")) {
                            throw new PluginException.BadItem("bad listing");
                        }
                        if (listing.title().equals("boom")) {
                            throw new IllegalStateException("bug in the tier");
                        }
                        String catno = listing.aspect("Catalog Number");
                        if (catno == null) {
                            return Optional.empty();
                        }
                        List<Long> ids = catalog.byCatalogNumber(catno).stream().map(Release::id).toList();
                        return ids.isEmpty() ? Optional.empty()
                                : Optional.of(new MatchResult(ids, "catno", 1.0, List.of("catalog number " + catno)));
                    }
                }
                """.formatted(pkg), true);
    }

}
