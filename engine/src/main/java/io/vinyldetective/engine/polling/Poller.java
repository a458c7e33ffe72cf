package io.vinyldetective.engine.polling;

import io.vinyldetective.api.Budget;
import io.vinyldetective.api.ListingSource;
import io.vinyldetective.api.PluginException;
import io.vinyldetective.api.PriceOracle;
import io.vinyldetective.engine.DaemonThreads;
import io.vinyldetective.engine.alerts.AlertOutbox;
import io.vinyldetective.engine.bot.BotSettings;
import io.vinyldetective.engine.bot.ChatFeedback;
import io.vinyldetective.engine.bot.PollStatus;
import io.vinyldetective.engine.bot.SearchTrigger;
import io.vinyldetective.engine.catalog.CatalogStore;
import io.vinyldetective.engine.matching.ReleaseMatcher;
import io.vinyldetective.engine.pipeline.Pipeline;
import io.vinyldetective.engine.pipeline.PluginFailure;
import io.vinyldetective.engine.pipeline.Stage;
import io.vinyldetective.engine.pricing.PriceBook;
import io.vinyldetective.engine.scoring.DealScorer;
import io.vinyldetective.engine.storage.SavedSearch;
import io.vinyldetective.engine.storage.SavedSearchRepository;
import io.vinyldetective.engine.storage.StorageException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler: polls every active saved search on its own interval, on one thread of its own.
 *
 * <p>Searches with the same {@link QueryKey} share one poll at the shortest of their intervals. A
 * search just added or resumed is polled at once ({@link #pollSoon}). Before each pass the
 * source's call budget is planned ({@link BudgetPlan}): when the budget cannot cover every query at
 * its interval until the budget resets, every interval is stretched by the same factor, and
 * {@code /status} says so; with only the reserve left, scheduled polls wait for the reset. A poll the
 * source cannot serve now ({@link PluginException.RetryLater}) is retried after the source's delay
 * or a growing back-off, never later than its interval.
 */
@Singleton
public class Poller implements SearchTrigger, PollStatus, AutoCloseable {

    /** The shortest and the longest sleep between passes (a new or resumed search wakes the poller at once). */
    static final Duration TICK = Duration.ofMillis(500);
    static final Duration MAX_SLEEP = Duration.ofSeconds(30);
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration PLAN_EVERY = Duration.ofSeconds(15);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Logger LOG = LoggerFactory.getLogger(Poller.class);

    private final SavedSearchRepository searches;
    private final SeenListings seen;
    private final CatalogStore catalog;
    private final PriceBook prices;
    private final AlertOutbox outbox;
    private final ChatFeedback feedback;
    private final BotSettings bot;
    private final PollSettings settings;
    private final Clock clock;
    private final DealScorer scorer;

    private final Set<Long> soon = ConcurrentHashMap.newKeySet();
    private final Map<QueryKey, Group> groups = new HashMap<>();
    private final Object wake = new Object();
    private final List<Source> sources = new ArrayList<>();
    private volatile PriceOracle oracle;
    private volatile String oracleId;
    private volatile BudgetPlan plan = BudgetPlan.UNLIMITED;
    private Instant planned = Instant.MIN;
    private volatile boolean running;
    /** When the next query falls due (the poller sleeps until then, at most {@link #MAX_SLEEP}). */
    private volatile Instant nextPass = Instant.MIN;
    private Thread thread;

    public Poller(SavedSearchRepository searches, SeenListings seen, CatalogStore catalog, PriceBook prices,
                  AlertOutbox outbox, ChatFeedback feedback, BotSettings bot, PollSettings settings, Clock clock) {
        this.searches = searches;
        this.seen = seen;
        this.catalog = catalog;
        this.prices = prices;
        this.outbox = outbox;
        this.feedback = feedback;
        this.bot = bot;
        this.settings = settings;
        this.clock = clock;
        this.scorer = new DealScorer(clock);
    }

    /** One listing source with its poll pipeline and what a poll costs it on average. */
    private static final class Source {
        final String id;
        final ListingSource extension;
        final SearchPoll poll;
        double callsPerPoll = 1;

        Source(String id, ListingSource extension, SearchPoll poll) {
            this.id = id;
            this.extension = extension;
            this.poll = poll;
        }
    }

    /** Scheduling state of one query. */
    private static final class Group {
        /** The last time the source was asked (the interval counts from it). */
        Instant lastPolled;
        /** The last turn of any kind, catch-up turns included. */
        Instant lastTurn;
        Instant retryAt;
        int failures;

        Group(Instant lastPolled) {
            this.lastPolled = lastPolled;
        }
    }

    /** Wires the pipeline's sources, tiers, oracle and first notifier; does not start the thread. */
    public synchronized void attach(Pipeline pipeline) {
        ReleaseMatcher matcher = new ReleaseMatcher(pipeline.matchers(), feedback::isWrongMatch);
        oracle = pipeline.oracle().map(Stage::extension).orElse(null);
        oracleId = pipeline.oracle().map(Stage::pluginId).orElse(null);
        String notifier = pipeline.notifiers().isEmpty() ? null : pipeline.notifiers().get(0).pluginId();
        if (notifier == null) {
            LOG.warn("No notifier is configured (pipeline.notifiers): deals are found but nobody is told");
        }
        sources.clear();
        for (Stage<ListingSource> stage : pipeline.sources()) {
            sources.add(new Source(stage.pluginId(), stage.extension(), new SearchPoll(stage.pluginId(), stage.extension(), oracle, matcher,
                    catalog, prices, scorer, outbox, seen, notifier, settings)));
        }
    }

    /** Starts polling on the thread {@code poller}. */
    public synchronized void start(Pipeline pipeline) {
        attach(pipeline);
        if (sources.isEmpty()) {
            LOG.info("No listing source is configured (pipeline.sources): nothing will be polled");
            return;
        }
        running = true;
        thread = DaemonThreads.start("poller", this::loop);
    }

    private void loop() {
        while (running) {
            try {
                runDue();
            } catch (StorageException | PluginFailure e) {
                LOG.error("Polling pass failed (going on): {}", e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("Polling pass failed (going on): {}", e.toString());
            }
            long sleep = sleepMillis(clock.instant(), nextPass);
            synchronized (wake) {
                if (running && soon.isEmpty()) {
                    try {
                        wake.wait(sleep);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    /** How long to sleep before the next pass: until {@code next}, within {@link #TICK}..{@link #MAX_SLEEP}. */
    static long sleepMillis(Instant now, Instant next) {
        if (!next.isAfter(now.plus(TICK))) {
            return TICK.toMillis();
        }
        return next.isAfter(now.plus(MAX_SLEEP)) ? MAX_SLEEP.toMillis() : Duration.between(now, next).toMillis();
    }

    /** One scheduling pass: polls every query that is due now, most overdue first. Returns how many polled. */
    public int runDue() {
        Instant now = clock.instant();
        Map<QueryKey, List<SavedSearch>> byKey = new LinkedHashMap<>();
        Set<Long> active = new HashSet<>();
        for (SavedSearch s : searches.findByActiveTrue()) {
            byKey.computeIfAbsent(QueryKey.of(s, bot.currency()), k -> new ArrayList<>()).add(s);
            active.add(s.id());
        }
        soon.retainAll(active); // paused or deleted meanwhile
        groups.keySet().retainAll(byKey.keySet());
        byKey.forEach((key, members) -> groups.computeIfAbsent(key, k -> new Group(members.stream()
                .map(SavedSearch::lastPolledAt).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null))));
        if (now.isAfter(planned.plus(PLAN_EVERY)) || !soon.isEmpty()) {
            plan(byKey, now);
        }
        sources.forEach(source -> source.poll.retainBacklog(byKey.keySet()));
        record Turn(QueryKey key, Instant when, boolean fetch) {
        }
        List<Turn> due = new ArrayList<>();
        for (Map.Entry<QueryKey, List<SavedSearch>> e : byKey.entrySet()) {
            boolean asked = e.getValue().stream().anyMatch(s -> soon.contains(s.id()));
            Group group = groups.get(e.getKey());
            Instant fetchAt = asked ? now : dueAt(group, interval(e.getValue()));
            if (!fetchAt.isAfter(now) && (asked || !plan.waitForReset())) {
                due.add(new Turn(e.getKey(), fetchAt, true));
            } else if (!catchUpAt(e.getKey(), group).isAfter(now)) {
                due.add(new Turn(e.getKey(), catchUpAt(e.getKey(), group), false));
            }
        }
        due.sort(Comparator.comparing(Turn::when));
        int polled = 0;
        for (Turn turn : due) {
            if (!running && thread != null) {
                break;
            }
            List<SavedSearch> members = byKey.get(turn.key());
            members.forEach(s -> soon.remove(s.id()));
            poll(turn.key(), members, turn.fetch());
            polled++;
        }
        Instant next = Instant.MAX;
        for (Map.Entry<QueryKey, List<SavedSearch>> e : byKey.entrySet()) {
            Group group = groups.get(e.getKey());
            for (Instant when : List.of(dueAt(group, interval(e.getValue())), catchUpAt(e.getKey(), group))) {
                next = when.isBefore(next) ? when : next;
            }
        }
        nextPass = next;
        return polled;
    }

    /** When the source should next be asked for this query's new listings. */
    private Instant dueAt(Group group, Duration interval) {
        if (group.retryAt != null) {
            return group.retryAt;
        }
        return group.lastPolled == null ? Instant.MIN : group.lastPolled.plus(plan.apply(interval));
    }

    /** When the next catch-up turn on the query's backlog is due; never when it has none. */
    private Instant catchUpAt(QueryKey key, Group group) {
        if (sources.stream().noneMatch(source -> source.poll.hasBacklog(key))) {
            return Instant.MAX;
        }
        return group.lastTurn == null ? Instant.MIN : group.lastTurn.plus(settings.catchUp());
    }

    private static Duration interval(List<SavedSearch> members) {
        int seconds = members.stream().mapToInt(SavedSearch::pollIntervalSeconds).min().orElse(1800);
        return Duration.ofSeconds(Math.max(1, seconds));
    }

    private void plan(Map<QueryKey, List<SavedSearch>> byKey, Instant now) {
        planned = now;
        List<Duration> intervals = byKey.values().stream().map(Poller::interval).toList();
        BudgetPlan tightest = BudgetPlan.UNLIMITED;
        for (Source source : sources) {
            BudgetPlan p = BudgetPlan.of(budget(source).orElse(null), intervals, source.callsPerPoll,
                    settings.budgetReserve(), now);
            if (p.waitForReset() || p.stretch() > tightest.stretch()) {
                tightest = p;
            }
        }
        if (tightest.slowed() != plan.slowed() || tightest.waitForReset() != plan.waitForReset()) {
            LOG.info("API budget: {}", describe(tightest).orElse("polling every search as often as asked again"));
        }
        plan = tightest;
    }

    private void poll(QueryKey key, List<SavedSearch> members, boolean fetch) {
        String names = members.stream().map(s -> "#" + s.id()).collect(Collectors.joining(","));
        Group group = groups.get(key);
        for (Source source : sources) {
            if (!fetch && !source.poll.hasBacklog(key)) {
                continue;
            }
            Optional<Budget> before = budget(source);
            PollReport report;
            try {
                report = source.poll.poll(key, members, !plan.slowed() && !plan.waitForReset(), fetch);
                if (fetch) {
                    group.failures = 0;
                    group.retryAt = null;
                }
            } catch (PluginException.RetryLater | PluginFailure e) {
                report = new PollReport();
                report.failure = e.getMessage();
                group.failures++;
                Duration wait = e instanceof PluginException.RetryLater r && r.after() != null ? r.after()
                        : FIRST_RETRY.multipliedBy(1L << Math.min(group.failures - 1, 10));
                Duration interval = plan.apply(interval(members));
                group.retryAt = clock.instant().plus(wait.compareTo(interval) < 0 ? wait : interval);
            }
            Optional<Budget> after = budget(source);
            if (fetch) {
                // A catch-up turn asks the source at most for item details: it says nothing of what a poll costs.
                learnCost(source, before, after);
            }
            Map<String, Budget> budgets = new LinkedHashMap<>();
            after.ifPresent(b -> budgets.put(source.id, b));
            oracleBudget().ifPresent(b -> budgets.put(oracleId, b));
            LOG.info(report.line(names, key, budgets));
        }
        Instant now = clock.instant();
        group.lastTurn = now;
        if (fetch) {
            group.lastPolled = now;
            for (SavedSearch s : members) {
                searches.updateLastPolledAt(s.id(), now);
            }
        }
    }

    /** Keeps a running average of the calls one poll costs, from the budget before and after. */
    private static void learnCost(Source source, Optional<Budget> before, Optional<Budget> after) {
        if (before.isEmpty() || after.isEmpty() || !before.get().resetsAt().equals(after.get().resetsAt())) {
            return;
        }
        long spent = before.get().remaining() - after.get().remaining();
        if (spent >= 0) {
            source.callsPerPoll = Math.max(1, 0.8 * source.callsPerPoll + 0.2 * spent);
        }
    }

    private static Optional<Budget> budget(Source source) {
        try {
            return source.extension.budget();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private Optional<Budget> oracleBudget() {
        PriceOracle o = oracle;
        try {
            return o == null ? Optional.empty() : o.budget();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void pollSoon(SavedSearch search) {
        if (search.id() == null) {
            return;
        }
        soon.add(search.id());
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    @Override
    public List<String> budgetLines() {
        List<String> lines = new ArrayList<>();
        for (Source source : List.copyOf(sources)) {
            budget(source).ifPresent(b -> lines.add(describe(source.id, b, "today")));
        }
        oracleBudget().ifPresent(b -> lines.add(describe(oracleId, b, "this minute")));
        return lines;
    }

    private static String describe(String id, Budget b, String period) {
        return id + ": " + b.remaining() + " of " + b.limit() + " calls left " + period + " (resets " + TIME.format(b.resetsAt())
                + ")";
    }

    @Override
    public Optional<String> slowdown() {
        return describe(plan);
    }

    /** What a plan means for the user, in words; empty when polling runs as asked. */
    private static Optional<String> describe(BudgetPlan p) {
        if (p.waitForReset()) {
            return Optional.of("The daily eBay budget is used up: polling resumes at " + TIME.format(p.budget().resetsAt())
                    + ".");
        }
        if (p.slowed()) {
            return Optional.of(String.format(Locale.ROOT, "Polling is %.1fx slower than your intervals, to stay within "
                    + "the daily eBay budget (all searches slowed alike).", p.stretch()));
        }
        return Optional.empty();
    }

    /** Stops polling: no new poll starts; one in progress gets {@code grace} to finish. */
    public void stop(Duration grace) {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        synchronized (wake) {
            wake.notifyAll();
        }
        if (t == null) {
            return;
        }
        try {
            t.join(grace.toMillis());
            if (t.isAlive()) {
                LOG.info("A poll was still running after {} ms; interrupting it (its listings are polled again next start)",
                        grace.toMillis());
                t.interrupt();
                t.join(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(4));
    }
}
