package io.vinyldetective.engine.wants;

import io.vinyldetective.api.PluginException;
import io.vinyldetective.api.PriceOracle;
import io.vinyldetective.api.Release;
import io.vinyldetective.api.Urgency;
import io.vinyldetective.api.Wantlist;
import io.vinyldetective.engine.DaemonThreads;
import io.vinyldetective.engine.bot.ChatNotices;
import io.vinyldetective.engine.catalog.CatalogStore;
import io.vinyldetective.engine.pipeline.PluginFailure;
import io.vinyldetective.engine.storage.StorageException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the chats' Discogs wantlists, on a thread of its own ({@code wantlists}): reads each one in
 * full when it is due (daily, or at once when a chat asks) and applies the read (new wants watched,
 * wants gone from the list dropped, the rest keep their settings). A read that fails keeps everything as
 * it was and is tried again later; a private list or an unknown user is recorded and told.
 *
 * <p>Then, a few at a time between reads, it fills in what matching a watch needs from the oracle at
 * background urgency (live pricing goes first): the wanted release in full (every catalog number,
 * the barcodes, the master) and the other pressings of its master, so a listing of a reissue that
 * shares the title is told apart from the wanted pressing.
 */
@Singleton
public class WantlistSync implements AutoCloseable {

    /** Wanted releases and masters filled in per turn, between which the thread looks for due reads. */
    static final int DETAILS_PER_TURN = 10;
    private static final Duration MAX_SLEEP = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(WantlistSync.class);

    private final WantStore store;
    private final CatalogStore catalog;
    private final ChatNotices notices;
    private final WantSettings settings;
    private final Clock clock;
    private final Set<String> tell = ConcurrentHashMap.newKeySet();
    private final Set<Long> withoutDetails = ConcurrentHashMap.newKeySet();
    private final Object wake = new Object();
    private volatile PriceOracle oracle;
    private volatile Runnable onChanged = () -> { };
    private volatile boolean running;
    private volatile Instant detailsPausedUntil = Instant.MIN;
    private Thread thread;

    public WantlistSync(WantStore store, CatalogStore catalog, ChatNotices notices, WantSettings settings, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.notices = notices;
        this.settings = settings;
        this.clock = clock;
    }

    /** What one read of a wantlist came to. */
    public enum Result { READ, PRIVATE, NO_SUCH_USER, NO_WANTLISTS, UNAVAILABLE }

    /** Called after a read changed the watches (the poller re-plans its batches). */
    public void onChanged(Runnable listener) {
        onChanged = listener;
    }

    /** Uses this oracle from now on (no thread: for tests and tools that drive {@link #runDue} themselves). */
    public void attach(PriceOracle priceOracle) {
        oracle = priceOracle;
    }

    /** Starts following wantlists with the pipeline's oracle; links the owner's wantlist when configured. */
    public synchronized void start(PriceOracle priceOracle, Optional<String> ownerChat) {
        attach(priceOracle);
        linkOwner(ownerChat);
        if (thread == null) {
            running = true;
            thread = DaemonThreads.start("wantlists", this::loop);
        }
    }

    /** {@code DISCOGS_USERNAME}: the owner's chat follows that wantlist unless it already follows one. */
    void linkOwner(Optional<String> ownerChat) {
        if (settings.ownerUsername().isEmpty()) {
            return;
        }
        if (ownerChat.isEmpty()) {
            LOG.warn("DISCOGS_USERNAME is set, but TELEGRAM_ALLOWED_CHATS names no chat to alert: send /wantlist in"
                    + " your chat to follow the wantlist of {}", settings.ownerUsername());
            return;
        }
        Optional<WantlistLink> current = store.wantlist(ownerChat.get());
        if (current.isEmpty()) {
            store.link(ownerChat.get(), settings.ownerUsername(), false, clock.instant());
            LOG.info("Chat {} follows the Discogs wantlist of {} (DISCOGS_USERNAME)", ownerChat.get(),
                    settings.ownerUsername());
        } else if (!current.get().username().equalsIgnoreCase(settings.ownerUsername())) {
            LOG.info("DISCOGS_USERNAME is {}, but chat {} follows the wantlist of {} (its own choice): left as it is",
                    settings.ownerUsername(), ownerChat.get(), current.get().username());
        }
    }

    /** Reads the chat's wantlist as soon as possible, and tells the chat how it went. */
    public void request(String chatId) {
        tell.add(chatId);
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            Instant next;
            try {
                runDue();
                boolean more = fillInDetails(DETAILS_PER_TURN);
                next = more ? clock.instant() : store.nextSyncAt().orElse(clock.instant().plus(MAX_SLEEP));
            } catch (StorageException | PluginFailure e) {
                LOG.error("Wantlist pass failed (going on): {}", e.getMessage());
                next = clock.instant().plus(settings.retryAfter());
            } catch (RuntimeException e) {
                LOG.error("Wantlist pass failed (going on): {}", e.toString());
                next = clock.instant().plus(settings.retryAfter());
            }
            long sleep = Math.max(0, Math.min(MAX_SLEEP.toMillis(), Duration.between(clock.instant(), next).toMillis()));
            synchronized (wake) {
                if (running && tell.isEmpty() && sleep > 0) {
                    try {
                        wake.wait(sleep);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    /** Reads every wantlist that is due, or that a chat asked for; returns how many were read. */
    public int runDue() {
        Instant now = clock.instant();
        Set<String> asked = new LinkedHashSet<>(tell);
        tell.removeAll(asked);
        List<WantlistLink> due = new ArrayList<>(store.dueForSync(now));
        for (String chat : asked) {
            if (due.stream().noneMatch(l -> l.chatId().equals(chat))) {
                store.wantlist(chat).ifPresent(due::add);
            }
        }
        int read = 0;
        for (WantlistLink link : due) {
            if (sync(link, asked.contains(link.chatId())) == Result.READ) {
                read++;
            }
        }
        return read;
    }

    /** One read of one wantlist, applied; tells the chat when {@code told} (or when something changed). */
    Result sync(WantlistLink link, boolean told) {
        Instant now = clock.instant();
        PriceOracle o = oracle;
        Optional<Wantlist> list;
        try {
            list = o == null ? Optional.empty() : o.wantlist(link.username(), Urgency.BACKGROUND);
        } catch (PluginException | PluginFailure e) {
            store.syncFailed(link.chatId(), "Discogs did not answer: " + e.getMessage(), now.plus(settings.retryAfter()));
            LOG.warn("Wantlist of {} for chat {} not read ({}); trying again in {} min", link.username(), link.chatId(),
                    e.getMessage(), settings.retryAfter().toMinutes());
            if (told) {
                notices.send(link.chatId(), "Discogs is not answering right now, so I could not read the wantlist of "
                        + link.username() + ". I will try again in " + minutes(settings.retryAfter()) + ".");
            }
            return Result.UNAVAILABLE;
        }
        if (list.isEmpty()) {
            store.syncFailed(link.chatId(), "the price oracle reads no wantlists", now.plus(settings.syncEvery()));
            if (told) {
                notices.send(link.chatId(), "This installation cannot read Discogs wantlists: its price oracle is not"
                        + " the discogs plugin (PIPELINE_ORACLE).");
            }
            return Result.NO_WANTLISTS;
        }
        Wantlist wantlist = list.get();
        if (wantlist.access() != Wantlist.Access.READ) {
            return refused(link, wantlist.access() == Wantlist.Access.PRIVATE ? Result.PRIVATE : Result.NO_SUCH_USER,
                    told, now);
        }
        List<Release> wanted = wantlist.wants();
        boolean capped = wanted.size() > settings.maxWantsPerChat();
        if (capped) {
            wanted = wanted.subList(0, settings.maxWantsPerChat());
        }
        wanted.forEach(r -> catalog.insertIfAbsent(r, "wantlist"));
        WantStore.SyncCounts counts = store.applySync(link.chatId(), wanted, now, now.plus(settings.syncEvery()));
        LOG.info("Wantlist of {} for chat {}: {} {}, {} new, {} gone{}", wantlist.username(), link.chatId(),
                counts.total(), counts.total() == 1 ? "want" : "wants", counts.added(), counts.removed(),
                capped ? " (the first " + counts.total() + " watched)" : "");
        if (counts.added() > 0 || counts.removed() > 0) {
            onChanged.run();
        }
        if (told || counts.added() > 0 || counts.removed() > 0) {
            notices.send(link.chatId(), readMessage(wantlist, counts, capped, told));
        }
        return Result.READ;
    }

    private String readMessage(Wantlist wantlist, WantStore.SyncCounts counts, boolean capped, boolean told) {
        StringBuilder sb = new StringBuilder();
        sb.append(told ? "Wantlist of " : "Your wantlist changed on Discogs: ").append(told ? wantlist.username() + ": " : "")
                .append(counts.total()).append(counts.total() == 1 ? " want" : " wants");
        if (told) {
            sb.append(" (").append(counts.added()).append(" new, ").append(counts.removed()).append(" gone)");
        } else {
            sb.append(", ").append(counts.added()).append(" new, ").append(counts.removed()).append(" gone");
        }
        if (capped) {
            sb.append("; I watch the first ").append(counts.total()).append(", the most per chat here");
        }
        sb.append(". I look for them on eBay every ").append(minutes(settings.pollInterval()))
                .append(" and read the list again daily. /wants lists them.");
        return sb.toString();
    }

    private Result refused(WantlistLink link, Result result, boolean told, Instant now) {
        String why = result == Result.PRIVATE ? "the wantlist is private" : "Discogs has no such user";
        boolean news = told || !why.equals(link.syncError());
        store.syncFailed(link.chatId(), why, now.plus(settings.syncEvery()));
        LOG.info("Wantlist of {} for chat {} not read: {}", link.username(), link.chatId(), why);
        if (news) {
            notices.send(link.chatId(), result == Result.PRIVATE
                    ? "The Discogs wantlist of " + link.username() + " is private, so I cannot read it. Its owner can make"
                    + " it public on Discogs (Settings > Privacy); your watches stay as they were."
                    : "Discogs has no user " + link.username() + ". Check the spelling: it is the name in the profile"
                    + " address, discogs.com/user/<name>. Your watches stay as they were.");
        }
        return result;
    }

    /**
     * Fills in, for up to {@code limit} watched releases or masters, what the wantlist did not show: the
     * release in full, and the master's other pressings; a want is searched only once both are known
     * ({@link WantStore#watchable}). Returns whether more is left to do.
     */
    public boolean fillInDetails(int limit) {
        PriceOracle o = oracle;
        if (o == null || clock.instant().isBefore(detailsPausedUntil)) {
            return false;
        }
        int done = 0;
        try {
            Set<Long> masters = new LinkedHashSet<>();
            for (Want want : store.active()) {
                if (done >= limit) {
                    return true;
                }
                Optional<String> source = catalog.sourceOf(want.releaseId());
                if ((source.isEmpty() || source.get().equals("wantlist")) && !withoutDetails.contains(want.releaseId())) {
                    done++;
                    Optional<Release> full;
                    try {
                        full = o.release(want.releaseId(), Urgency.BACKGROUND);
                    } catch (PluginException.BadItem e) {
                        LOG.warn("Wanted release {} could not be read ({}): it is not watched", want.releaseId(),
                                e.getMessage());
                        withoutDetails.add(want.releaseId());
                        continue;
                    }
                    if (full.isPresent()) {
                        catalog.upsert(full.get(), "api");
                        if (full.get().masterId() != null) {
                            store.setMaster(want.releaseId(), full.get().masterId());
                            masters.add(full.get().masterId());
                        }
                    } else {
                        withoutDetails.add(want.releaseId());
                        LOG.warn("Wanted release {} is not at Discogs any more: it is not watched", want.releaseId());
                    }
                }
                if (want.masterId() != null) {
                    masters.add(want.masterId());
                }
            }
            Instant stale = clock.instant().minus(settings.versionsMaxAge());
            for (long master : masters) {
                if (store.versionsCheckedAt(master).filter(at -> !at.isBefore(stale)).isPresent()) {
                    continue;
                }
                if (done >= limit) {
                    return true;
                }
                done++;
                List<String> artists = catalog.byMaster(master).stream().map(Release::artists).filter(a -> !a.isEmpty())
                        .findFirst().orElse(List.of());
                try {
                    for (Release version : o.masterVersions(master, artists, Urgency.BACKGROUND)) {
                        catalog.insertIfAbsent(version, "versions");
                    }
                } catch (PluginException.BadItem e) {
                    LOG.warn("The pressings of master {} could not be read ({}): its wants are matched without them",
                            master, e.getMessage());
                }
                store.versionsChecked(master, clock.instant());
            }
            return false;
        } catch (PluginException.RetryLater | PluginFailure e) {
            detailsPausedUntil = clock.instant().plus(settings.retryAfter());
            LOG.info("Filling in wanted releases paused for {} min: {}", settings.retryAfter().toMinutes(), e.getMessage());
            return false;
        } finally {
            if (done > 0) {
                onChanged.run(); // wants filled in become watchable: the poller plans its batches again
            }
        }
    }

    static String minutes(Duration d) {
        long minutes = d.toMinutes();
        if (minutes >= 60 && minutes % 60 == 0) {
            return minutes / 60 + " h";
        }
        return minutes >= 1 ? minutes + " min" : d.toSeconds() + " s";
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
            thread = null;
        }
        synchronized (wake) {
            wake.notifyAll();
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
