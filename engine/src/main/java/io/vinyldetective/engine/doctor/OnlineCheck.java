package io.vinyldetective.engine.doctor;

import io.micronaut.context.env.Environment;
import io.vinyldetective.engine.config.EnvironmentNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The credential check of each online service the pipeline uses (eBay as a source, Discogs as the
 * oracle, Telegram as a notifier), at the configured base URL, all at once so a dead network costs
 * one timeout, not three. A service whose credentials are not set is not called.
 */
public final class OnlineCheck {

    private final Environment environment;
    private final PipelineNeeds needs;
    private final CredentialChecks probes;

    OnlineCheck(Environment environment, PipelineNeeds needs, CredentialChecks probes) {
        this.environment = environment;
        this.needs = needs;
        this.probes = probes;
    }

    public List<Check> run() {
        List<Supplier<Check>> calls = new ArrayList<>();
        if (needs.uses("ebay")) {
            calls.add(when("eBay", () -> probes.ebay(url("EBAY_BASE_URL"), value("EBAY_APP_ID").orElseThrow(),
                    value("EBAY_CERT_ID").orElseThrow()), "EBAY_APP_ID", "EBAY_CERT_ID"));
        }
        if (needs.uses("discogs")) {
            calls.add(when("Discogs", () -> probes.discogs(url("DISCOGS_BASE_URL"), value("DISCOGS_TOKEN").orElseThrow()),
                    "DISCOGS_TOKEN"));
        }
        if (needs.uses("telegram")) {
            calls.add(when("Telegram", () -> probes.telegram(url("TELEGRAM_BASE_URL"), value("TELEGRAM_TOKEN").orElseThrow()),
                    "TELEGRAM_TOKEN"));
        }
        if (calls.isEmpty()) {
            return List.of(Check.ok(null, "the pipeline uses no online service that can be checked"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(calls.size(), r -> {
            Thread t = new Thread(r, "doctor-online");
            t.setDaemon(true);
            return t;
        });
        try {
            List<CompletableFuture<Check>> running = calls.stream().map(c -> CompletableFuture.supplyAsync(c, pool)).toList();
            return running.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    /** The call, or a line saying why it is not made when a credential is not set. */
    private Supplier<Check> when(String service, Supplier<Check> call, String... variables) {
        List<String> missing = List.of(variables).stream().filter(v -> value(v).isEmpty()).toList();
        if (missing.isEmpty()) {
            return call;
        }
        return () -> Check.warning(service, "not checked: " + String.join(" and ", missing)
                + (missing.size() == 1 ? " is" : " are") + " not set (see above)", null);
    }

    private String url(String variable) {
        return value(variable).orElse(EnvironmentNames.named(variable).fallback());
    }

    private Optional<String> value(String variable) {
        return environment.getProperty(EnvironmentNames.named(variable).property(), String.class).map(String::strip)
                .filter(s -> !s.isEmpty());
    }
}
