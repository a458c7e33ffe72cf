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
import io.vinyldetective.engine.catalog.ScopedCatalog;
import io.vinyldetective.engine.matching.ReleaseMatcher;
import io.vinyldetective.engine.pipeline.Pipeline;
import io.vinyldetective.engine.pipeline.PluginFailure;
import io.vinyldetective.engine.pipeline.Stage;
import io.vinyldetective.engine.pricing.PriceBook;
import io.vinyldetective.engine.scoring.DealScorer;
import io.vinyldetective.engine.storage.SavedSearch;
import io.vinyldetective.engine.storage.SavedSearchRepository;
import io.vinyldetective.engine.storage.StorageException;
import io.vinyldetective.engine.wants.Want;
import io.vinyldetective.engine.wants.WantSettings;
import io.vinyldetective.engine.wants.WatchBatch;
import io.vinyldetective.engine.wants.WatchBatches;
import io.vinyldetective.engine.wants.WatchScopes;
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
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduler: polls every active saved search on its own interval, and every batch of watches
 * ({@link WatchBatches}) every {@code vinyl-detective.wants.poll-interval}, on one thread of its own.
 * Searches and watches with auctions on also have their query's auctions ending soon looked at
 * ({@link AuctionPoll}), at their interval but at least every {@code auction-alert-before}.
 *
 * <p>Searches with the same {@link QueryKey} share one poll at the shortest of their intervals. A
 * search just added or resumed is polled at once ({@link #pollSoon}); so is a batch whose watches
 * changed ({@link #watchesChanged}). Before each pass the
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
    private final WatchBatches batches;
    private final WatchScopes scopes;
    private final WantSettings wants;

    private final Set<Long> soon = ConcurrentHashMap.newKeySet();
    private volatile boolean replanWatches = true;
    private List<WatchBatch> watchBatches = List.of();
    private volatile ScopedCatalog scopedCatalog;
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
                  AlertOutbox outbox, ChatFeedback feedback, BotSettings bot, PollSettings settings, Clock clock,
                  WatchBatches batches, WatchScopes scopes, WantSettings wants) {
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
        this.batches = batches;
        this.scopes = scopes;
        this.wants = wants;
    }

    /** One listing source with its poll pipeline and what a poll costs it on average. */
    private static final class Source {
        final String id;
        final ListingSource extension;
        final SearchPoll poll;
        final AuctionPoll auctions;
        double callsPerPoll = 1;

        Source(String id, ListingSource extension, SearchPoll poll, AuctionPoll auctions) {
            this.id = id;
            this.extension = extension;
            this.poll = poll;
            this.auctions = auctions;
        }
    }

    /**
     * What one query is polled for: the saved searches that share it, or one batch of watches. Knows
     * its interval, when it was last polled, and how its new listings are handled.
     */
    private interface Target {
        QueryKey key();

        Duration interval();

        /** When it was last polled as stored (across restarts), or null. */
        Instant storedLastPolled();

        /** Whether a subscriber asked for a poll now. */
        boolean asked();

        ListingHandler handler(PollContext context);

        /** Records a poll (the source was asked). */
        void polled(Instant at);
    }

    /** Saved searches that share one query. */
    private final class Searches implements Target {
        final QueryKey key;
        final List<SavedSearch> members = new ArrayList<>();

        Searches(QueryKey key) {
            this.key = key;
        }

        @Override
        public QueryKey key() {
            return key;
        }

        @Override
        public Duration interval() {
            int seconds = members.stream().mapToInt(SavedSearch::pollIntervalSeconds).min().orElse(1800);
            return Duration.ofSeconds(Math.max(1, seconds));
        }

        @Override
        public Instant storedLastPolled() {
            return members.stream().map(SavedSearch::lastPolledAt).filter(Objects::nonNull).max(Comparator.naturalOrder())
                    .orElse(null);
        }

        @Override
        public boolean asked() {
            return members.stream().anyMatch(s -> soon.contains(s.id()));
        }

        @Override
        public ListingHandler handler(PollContext context) {
            members.forEach(s -> soon.remove(s.id()));
            return new SearchDeals(context, members);
        }

        @Override
        public void polled(Instant at) {
            for (SavedSearch s : members) {
                searches.updateLastPolledAt(s.id(), at);
            }
        }
    }

    /** One batch of watches. */
    private final class Watches implements Target {
        final QueryKey key;
        final WatchBatch batch;

        Watches(QueryKey key, WatchBatch batch) {
            this.key = key;
            this.batch = batch;
        }

        @Override
        public QueryKey key() {
            return key;
        }

        @Override
        public Duration interval() {
            return wants.pollInterval();
        }

        @Override
        public Instant storedLastPolled() {
            return batches.lastPolled(batch.id()).orElse(null);
        }

        @Override
        public boolean asked() {
            return false; // a changed batch has a new query, so a new key never polled: due at once
        }

        @Override
        public ListingHandler handler(PollContext context) {
            return new WatchDeals(context, scopedCatalog, batch, scopes.of(batch));
        }

        @Override
        public void polled(Instant at) {
            batches.polled(batch.id(), at);
        }
    }

    /**
     * The auctions ending soon of a query, for the subscribers of it that asked for auctions: looked at as
     * often as the query, but at least every {@code auction-alert-before} so each is seen near that lead.
     */
    private final class Auctions implements Target {
        final QueryKey key;
        final Duration interval;
        final Function<PollContext, ListingHandler> handler;

        Auctions(QueryKey of, Duration interval, Function<PollContext, ListingHandler> handler) {
            this.key = of.forAuctions();
            Duration lead = settings.auctionAlertBefore();
            this.interval = interval.compareTo(lead) < 0 ? interval : lead;
            this.handler = handler;
        }

        @Override
        public QueryKey key() {
            return key;
        }

        @Override
        public Duration interval() {
            return interval;
        }

        @Override
        public Instant storedLastPolled() {
            return null; // an auction not looked at since a restart is looked at once more: it is alerted only once anyway
        }

        @Override
        public boolean asked() {
            return false;
        }

        @Override
        public ListingHandler handler(PollContext context) {
            return handler.apply(context);
        }

        @Override
        public void polled(Instant at) {
        }
    }

    /** Scheduling state of one query. */
    private static final class Group {
        /** The last time the source was asked (the interval counts from it). */
        Instant lastPolled;
        /** The last time the source answered a poll (what the next poll asks it for listings since). */
        Instant lastFetched;
        /** The last turn of any kind, catch-up turns included. */
        Instant lastTurn;
        Instant retryAt;
        int failures;

        Group(Instant lastPolled) {
            this.lastPolled = lastPolled;
            this.lastFetched = lastPolled;
        }
    }

    /** Wires the pipeline's sources, tiers, oracle and the chats' notifier; does not start the thread. */
    public synchronized void attach(Pipeline pipeline) {
        ReleaseMatcher matcher = new ReleaseMatcher(pipeline.matchers(), feedback::isWrongMatch);
        oracle = pipeline.oracle().map(Stage::extension).orElse(null);
        oracleId = pipeline.oracle().map(Stage::pluginId).orElse(null);
        String notifier = pipeline.chatNotifier().map(Stage::pluginId).orElse(null);
        if (notifier == null) {
            LOG.warn("No notifier that delivers to the chats is configured (pipeline.notifiers): deals are found but nobody is told");
        }
        scopedCatalog = pipeline.matcherCatalog();
        sources.clear();
        for (Stage<ListingSource> stage : pipeline.sources()) {
            PollContext context = new PollContext(stage.extension(), oracle, matcher, catalog, prices, scorer, outbox, seen,
                    notifier, settings);
            sources.add(new Source(stage.pluginId(), stage.extension(), new SearchPoll(stage.pluginId(), context),
                    new AuctionPoll(context, clock)));
        }
        replanWatches = true;
    }

    /** The watches changed (a wantlist was read, a want paused): their batches are planned again at the next pass. */
    @Override
    public void watchesChanged() {
        replanWatches = true;
        synchronized (wake) {
            wake.notifyAll();
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
        Map<QueryKey, Target> targets = targets();
        Set<Long> active = new HashSet<>();
        targets.values().forEach(t -> {
            if (t instanceof Searches g) {
                g.members.forEach(s -> active.add(s.id()));
            }
        });
        soon.retainAll(active); // paused or deleted meanwhile
        groups.keySet().retainAll(targets.keySet());
        targets.forEach((key, target) -> groups.computeIfAbsent(key, k -> new Group(target.storedLastPolled())));
        if (now.isAfter(planned.plus(PLAN_EVERY)) || !soon.isEmpty()) {
            plan(targets, now);
        }
        sources.forEach(source -> source.poll.retainBacklog(targets.keySet()));
        record Turn(Target target, Instant when, boolean fetch) {
        }
        List<Turn> due = new ArrayList<>();
        for (Target target : targets.values()) {
            boolean asked = target.asked();
            Group group = groups.get(target.key());
            Instant fetchAt = asked ? now : dueAt(group, target.interval());
            if (!fetchAt.isAfter(now) && (asked || !plan.waitForReset())) {
                due.add(new Turn(target, fetchAt, true));
            } else if (!catchUpAt(target.key(), group).isAfter(now)) {
                due.add(new Turn(target, catchUpAt(target.key(), group), false));
            }
        }
        due.sort(Comparator.comparing(Turn::when));
        int polled = 0;
        for (Turn turn : due) {
            if (!running && thread != null) {
                break;
            }
            poll(turn.target(), turn.fetch());
            polled++;
        }
        Instant next = Instant.MAX;
        for (Target target : targets.values()) {
            Group group = groups.get(target.key());
            for (Instant when : List.of(dueAt(group, target.interval()), catchUpAt(target.key(), group))) {
                next = when.isBefore(next) ? when : next;
            }
        }
        nextPass = next;
        return polled;
    }

    /** What is polled now: the active saved searches grouped by query, and the batches of watches. */
    private Map<QueryKey, Target> targets() {
        Map<QueryKey, Target> targets = new LinkedHashMap<>();
        for (SavedSearch s : searches.findByActiveTrue()) {
            QueryKey key = QueryKey.of(s, bot.currency());
            ((Searches) targets.computeIfAbsent(key, Searches::new)).members.add(s);
        }
        for (WatchBatch batch : watchBatches()) {
            QueryKey key = QueryKey.of(batch, bot.currency());
            targets.putIfAbsent(key, new Watches(key, batch));
        }
        if (sources.stream().anyMatch(s -> s.auctions.available())) {
            for (Target target : List.copyOf(targets.values())) {
                auctionsOf(target).ifPresent(a -> targets.put(a.key(), a));
            }
        }
        return targets;
    }

    /** The auctions target of a query whose subscribers include some that asked for auctions. */
    private Optional<Auctions> auctionsOf(Target target) {
        if (target instanceof Searches g) {
            List<SavedSearch> bidders = g.members.stream().filter(SavedSearch::includeAuctions).toList();
            return bidders.isEmpty() ? Optional.empty()
                    : Optional.of(new Auctions(g.key, g.interval(), context -> new SearchDeals(context, bidders)));
        }
        if (target instanceof Watches w) {
            List<Want> bidders = w.batch.wants().stream()
                    .filter(Want::auctions).toList();
            if (bidders.isEmpty()) {
                return Optional.empty();
            }
            WatchBatch auctionBatch = new WatchBatch(w.batch.id(), w.batch.format(), w.batch.query(), bidders);
            return Optional.of(new Auctions(w.key, w.interval(),
                    context -> new WatchDeals(context, scopedCatalog, auctionBatch, scopes.of(auctionBatch))));
        }
        return Optional.empty();
    }

    /** The batches of watches, planned again when the watches changed (with the first source's query syntax). */
    private List<WatchBatch> watchBatches() {
        if (replanWatches && !sources.isEmpty()) {
            replanWatches = false;
            ListingSource first = sources.get(0).extension;
            try {
                watchBatches = batches.plan(terms -> {
                    try {
                        return first.anyOf(terms);
                    } catch (RuntimeException e) {
                        return terms.size() == 1 ? Optional.of(terms.get(0)) : Optional.empty();
                    }
                });
            } catch (RuntimeException e) {
                replanWatches = true;
                throw e;
            }
            if (!watchBatches.isEmpty()) {
                int watched = watchBatches.stream().mapToInt(b -> b.wants().size()).sum();
                LOG.info("Watches: {} {} in {} {} of {}", watched, watched == 1 ? "want" : "wants", watchBatches.size(),
                        watchBatches.size() == 1 ? "query" : "queries", sources.get(0).id);
            }
        }
        return watchBatches;
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

    private void plan(Map<QueryKey, Target> targets, Instant now) {
        planned = now;
        List<Duration> intervals = targets.values().stream().map(Target::interval).toList();
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

    private void poll(Target target, boolean fetch) {
        QueryKey key = target.key();
        Group group = groups.get(key);
        for (Source source : sources) {
            if (!fetch && !source.poll.hasBacklog(key) || key.auctions() && !source.auctions.available()) {
                continue;
            }
            ListingHandler handler = target.handler(source.poll.context());
            Optional<Budget> before = budget(source);
            PollReport report;
            boolean detailsAllowed = !plan.slowed() && !plan.waitForReset();
            try {
                report = key.auctions()
                        ? source.auctions.poll(key, key.toQuery(), handler, plan.apply(target.interval()), detailsAllowed)
                        : source.poll.poll(key, key.toQuery().withSince(group.lastFetched), handler, detailsAllowed, fetch);
                if (fetch) {
                    group.failures = 0;
                    group.retryAt = null;
                    group.lastFetched = clock.instant();
                }
            } catch (PluginException.RetryLater | PluginFailure e) {
                report = new PollReport();
                report.failure = e.getMessage();
                group.failures++;
                Duration wait = e instanceof PluginException.RetryLater r && r.after() != null ? r.after()
                        : FIRST_RETRY.multipliedBy(1L << Math.min(group.failures - 1, 10));
                Duration interval = plan.apply(target.interval());
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
            LOG.info(report.line(handler.names(), key, budgets));
        }
        Instant now = clock.instant();
        group.lastTurn = now;
        if (fetch) {
            group.lastPolled = now;
            target.polled(now);
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
