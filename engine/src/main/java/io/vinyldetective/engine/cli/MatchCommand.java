package io.vinyldetective.engine.cli;

import io.vinyldetective.api.Listing;
import io.vinyldetective.engine.bot.ChatFeedback;
import io.vinyldetective.engine.catalog.CatalogStore;
import io.vinyldetective.engine.matching.ListingJson;
import io.vinyldetective.engine.matching.MatchJson;
import io.vinyldetective.engine.matching.ReleaseMatcher;
import io.vinyldetective.engine.pipeline.Pipeline;
import io.vinyldetective.engine.pipeline.PipelineAssembler;
import io.vinyldetective.engine.pipeline.PipelineException;
import io.vinyldetective.engine.pipeline.PipelineSettings;
import io.vinyldetective.engine.plugins.PluginHost;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code match FILE}: matches listings (JSON lines) to catalog releases with the configured matcher
 * tiers ({@code pipeline.matchers}) and prints one JSON line per listing, in input order (see
 * {@link MatchJson}). Offline by default: only the local catalog is read and no plugin that calls out
 * is started; {@code --online} lets the tiers read through the configured price oracle. A line that
 * is not a usable listing gets an {@code error} line and the run goes on. Exit 0 when the whole file
 * was read, 1 when it could not be read or the tiers could not be assembled.
 */
@Command(name = "match",
        description = "Matches listings (JSON lines, - for standard input) to catalog releases; one JSON line per listing on stdout.",
        mixinStandardHelpOptions = true)
public class MatchCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(MatchCommand.class);

    @Parameters(index = "0", paramLabel = "FILE", description = "listings, one JSON object a line; - reads standard input")
    String file;

    @Option(names = "--online", description = "on a local miss, ask the configured price oracle (pipeline.oracle) and store what it returns")
    boolean online;

    @Inject
    Provider<PluginHost> host;

    @Inject
    Provider<PipelineAssembler> assembler;

    @Inject
    Provider<PipelineSettings> settings;

    @Inject
    Provider<CatalogStore> catalog;

    @Inject
    Provider<ChatFeedback> feedback;

    @Override
    public Integer call() {
        PipelineSettings configured = settings.get();
        if (configured.matchers().isEmpty()) {
            System.err.println("No matcher tiers configured (pipeline.matchers / PIPELINE_MATCHERS)");
            return 1;
        }
        if (online && configured.oracle().isEmpty()) {
            System.err.println("--online needs a price oracle (pipeline.oracle / PIPELINE_ORACLE)");
            return 1;
        }
        BufferedReader in;
        try {
            in = file.equals("-") ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                    : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            System.err.println("No such file: " + file);
            return 1;
        } catch (IOException e) {
            System.err.println("Cannot read " + file + ": " + e.getMessage());
            return 1;
        }
        host.get().problems();
        long releases = catalog.get().size();
        if (releases == 0) {
            LOG.warn("The catalog is empty: nothing can match (fill it with import-dump)");
        }
        Pipeline pipeline;
        try {
            pipeline = assembler.get().assembleMatchers(configured, online);
        } catch (PipelineException e) {
            System.err.println("Cannot match: " + e.getMessage());
            close(in);
            return 1;
        }
        LOG.info("Matching against {} releases with {}", releases, pipeline.describe());
        ReleaseMatcher matcher = new ReleaseMatcher(pipeline.matchers(), feedback.get()::isWrongMatch);
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
        MatchJson json = new MatchJson(out);
        int lines = 0;
        int matched = 0;
        int errors = 0;
        try (pipeline; in) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                lines++;
                Listing listing;
                try {
                    listing = ListingJson.parse(line);
                } catch (ListingJson.BadListing e) {
                    errors++;
                    json.writeError(e.id(), e.getMessage());
                    continue;
                }
                var outcome = matcher.match(listing);
                matched += outcome.matched() ? 1 : 0;
                errors += outcome.refusal() != null ? 1 : 0;
                json.write(outcome);
                if (!in.ready()) {
                    out.flush();
                }
            }
            out.flush();
        } catch (IOException e) {
            System.err.println("Cannot read " + file + " (line " + (lines + 1) + "): " + e.getMessage());
            flush(out);
            return 1;
        }
        LOG.info("{} listings: {} matched, {} unmatched, {} unusable", lines, matched, lines - matched - errors, errors);
        return 0;
    }

    private static void close(BufferedReader in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing was read
        }
    }

    private static void flush(Writer out) {
        try {
            out.flush();
        } catch (IOException ignored) {
            // stdout is gone
        }
    }
}
