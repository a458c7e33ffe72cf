package io.vinyldetective.engine.wants;

import io.vinyldetective.api.ChatCommand;
import io.vinyldetective.api.Grade;
import io.vinyldetective.engine.bot.BotSettings;
import io.vinyldetective.engine.bot.CommandText;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The bot's wantlist commands (parsed and answered here, for every chat front end):
 * {@code /wantlist <username> [pressings:any]} follows a Discogs wantlist (read in the background; the
 * chat is told when it is done), {@code /wantlist} alone shows it (or follows {@code DISCOGS_USERNAME}
 * in the owner's chat), {@code /wantlist off} stops; {@code /wants [page]} lists the watches;
 * {@code /want <n> [max:40|max:off] [grade:VG+|grade:any] [pressings:any|pressings:exact] [pause|resume]}
 * shows or sets one. Bad input is answered and changes nothing.
 */
@Singleton
public class WantCommands {

    static final int PAGE = 25;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Map<String, Grade> GRADES = Map.ofEntries(Map.entry("m", Grade.MINT), Map.entry("mint", Grade.MINT),
            Map.entry("nm", Grade.NEAR_MINT), Map.entry("m-", Grade.NEAR_MINT), Map.entry("nm-", Grade.NEAR_MINT),
            Map.entry("vg+", Grade.VERY_GOOD_PLUS), Map.entry("vg++", Grade.VERY_GOOD_PLUS), Map.entry("ex", Grade.VERY_GOOD_PLUS),
            Map.entry("vg", Grade.VERY_GOOD), Map.entry("g+", Grade.GOOD_PLUS), Map.entry("g", Grade.GOOD),
            Map.entry("f", Grade.FAIR), Map.entry("p", Grade.POOR));

    static final List<ChatCommand> COMMANDS = List.of(
            new ChatCommand("wantlist", "Watch your Discogs wantlist: <username> [pressings:any]"),
            new ChatCommand("wants", "Your watched wants, numbered [page]"),
            new ChatCommand("want", "One want: <n> [max:40] [grade:VG+] [pressings:any] [pause]"));

    static final String HELP = String.join("\n",
            "/wantlist <Discogs username> [pressings:any] - watch eBay for every record on that Discogs wantlist (read"
                    + " again daily); pressings:any also takes other pressings of the same album; /wantlist off stops;"
                    + " /wantlist auctions:on alerts auctions of every want too, shortly before they end",
            "/wants [page] - your watched wants, numbered",
            "/want <n> [max:<price>|max:off] [grade:VG+|grade:any] [pressings:any|pressings:exact] [auctions:on|off]"
                    + " [pause|resume] - show or set one want: without max it alerts at or under its Discogs price, with max at"
                    + " or under yours");

    private final WantStore store;
    private final WantlistSync sync;
    private final WantSettings settings;
    private final BotSettings bot;
    private final Clock clock;
    private volatile Runnable watchesChanged = () -> { };

    public WantCommands(WantStore store, WantlistSync sync, WantSettings settings, BotSettings bot, Clock clock) {
        this.store = store;
        this.sync = sync;
        this.settings = settings;
        this.bot = bot;
        this.clock = clock;
    }

    public List<ChatCommand> commands() {
        return COMMANDS;
    }

    public String help() {
        return HELP;
    }

    /** Called when a command changed which watches are active (the poller plans its batches again). */
    public void onWatchesChanged(Runnable listener) {
        watchesChanged = listener;
    }

    /** The answer to one of {@link #COMMANDS}, or empty when {@code command} is not one. */
    public Optional<String> answer(String chat, String command, String args) {
        switch (command) {
            case "wantlist":
                return Optional.of(wantlist(chat, args));
            case "wants":
                return Optional.of(wants(chat, args));
            case "want":
                return Optional.of(want(chat, args));
            default:
                return Optional.empty();
        }
    }

    /** For {@code /status}: {@code Wantlist: rodneyfool, 37 wants watched (last read 2026-12-01 12:00 UTC)}. */
    public Optional<String> statusLine(String chat) {
        return store.wantlist(chat).map(link -> {
            long watched = store.wants(chat).stream().filter(Want::active).count();
            return "Wantlist: " + link.username() + ", " + watched + (watched == 1 ? " want" : " wants") + " watched (last read "
                    + (link.syncedAt() == null ? "not yet" : WHEN.format(link.syncedAt()))
                    + (link.syncError() == null ? "" : "; the last try failed: " + link.syncError()) + ")";
        });
    }

    private String wantlist(String chat, String args) {
        String[] tokens = args.isEmpty() ? new String[0] : args.split("\\s+");
        if (tokens.length == 0) {
            Optional<WantlistLink> link = store.wantlist(chat);
            if (link.isPresent()) {
                return status(link.get());
            }
            if (!settings.ownerUsername().isEmpty() && bot.ownerChat().filter(chat::equals).isPresent()) {
                return follow(chat, settings.ownerUsername(), false);
            }
            return "Tell me whose wantlist to watch: /wantlist <Discogs username>, e.g. /wantlist rodneyfool"
                    + " (add pressings:any to take any pressing of each album).";
        }
        if (tokens.length == 1 && tokens[0].toLowerCase(Locale.ROOT).startsWith("auctions:")) {
            return auctions(chat, tokens[0].substring("auctions:".length()).toLowerCase(Locale.ROOT));
        }
        if (tokens.length == 1 && tokens[0].equalsIgnoreCase("off")) {
            return store.unlink(chat) ? "Stopped watching your wantlist; its watches are gone. /wantlist <username>"
                    + " starts again." : "You follow no wantlist.";
        }
        String username = null;
        Boolean any = null;
        for (String token : tokens) {
            String lower = token.toLowerCase(Locale.ROOT);
            if (lower.startsWith("pressings:")) {
                any = pressings(lower.substring("pressings:".length()));
                if (any == null) {
                    return "'" + CommandText.abbreviate(token, 30) + "' is not an option: write pressings:any (any pressing of each"
                            + " album) or pressings:exact (only the release on the list, the default).";
                }
            } else if (username == null) {
                username = token;
            } else {
                return "One Discogs username, please: /wantlist <username> [pressings:any].";
            }
        }
        if (username == null) {
            return "Whose wantlist? /wantlist <Discogs username> [pressings:any].";
        }
        if (!USERNAME.matcher(username).matches()) {
            return "'" + CommandText.abbreviate(username, 30) + "' cannot be a Discogs username (letters, digits, '.', '_' and '-'"
                    + " only): it is the name in the profile address, discogs.com/user/<name>.";
        }
        return follow(chat, username, any != null && any);
    }

    /** {@code /wantlist auctions:on|off}: auctions for every want of the chat, and for the wants added later. */
    private String auctions(String chat, String value) {
        Boolean on = CommandText.onOff(value);
        if (on == null) {
            return "Write /wantlist auctions:on (alert auctions of your wants too, shortly before they end) or"
                    + " /wantlist auctions:off.";
        }
        int changed = store.setAuctions(chat, on);
        if (changed < 0) {
            return "You follow no wantlist: /wantlist <Discogs username> first.";
        }
        if (changed > 0) {
            watchesChanged.run();
        }
        return on ? "Auctions of your wants are alerted too, once each, shortly before they end, if the current bid plus"
                + " shipping is a deal then." : "Auctions of your wants are no longer alerted (buy-it-now listings still are).";
    }

    private String follow(String chat, String username, boolean any) {
        Optional<WantlistLink> before = store.wantlist(chat);
        store.link(chat, username, any, clock.instant());
        sync.request(chat);
        String replaced = before.isPresent() && !before.get().username().equalsIgnoreCase(username)
                ? " (instead of " + before.get().username() + "'s)" : "";
        return "Reading the Discogs wantlist of " + username + replaced + "; I will tell you here when it is done."
                + (any ? " New wants take any pressing of their album." : "");
    }

    private String status(WantlistLink link) {
        List<Want> mine = store.wants(link.chatId());
        long active = mine.stream().filter(Want::active).count();
        StringBuilder sb = new StringBuilder("You follow the Discogs wantlist of ").append(link.username()).append(": ")
                .append(mine.size()).append(mine.size() == 1 ? " want" : " wants").append(" (").append(active)
                .append(" watched, ").append(mine.size() - active).append(" paused).");
        sb.append("\nLast read: ").append(link.syncedAt() == null ? "not yet" : WHEN.format(link.syncedAt()));
        if (link.syncError() != null) {
            sb.append(" (the last try failed: ").append(link.syncError()).append(')');
        }
        sb.append("\nNext read: ").append(WHEN.format(link.nextSyncAt()));
        sb.append("\nSearched on eBay every ").append(WantlistSync.minutes(settings.pollInterval())).append(". /wants lists them;"
                + " /wantlist ").append(link.username()).append(" reads it again now; /wantlist off stops.");
        return sb.toString();
    }

    private String wants(String chat, String args) {
        List<Want> mine = store.wants(chat);
        if (mine.isEmpty()) {
            return store.wantlist(chat).isPresent() ? "No wants yet: the wantlist is empty or not read yet (/wantlist"
                    + " shows when)." : "You watch no wantlist. Start with /wantlist <Discogs username>.";
        }
        int pages = (mine.size() + PAGE - 1) / PAGE;
        int page = 1;
        if (!args.isEmpty()) {
            try {
                page = Integer.parseInt(args.strip());
            } catch (NumberFormatException e) {
                return "'" + CommandText.abbreviate(args, 20) + "' is not a page number: /wants 2 shows the second page.";
            }
            if (page < 1 || page > pages) {
                return "There " + (pages == 1 ? "is 1 page" : "are " + pages + " pages") + " of wants: /wants 1 to /wants "
                        + pages + ".";
            }
        }
        StringBuilder sb = new StringBuilder("Your wants").append(pages > 1 ? " (page " + page + " of " + pages + ")" : "")
                .append(':');
        Set<Long> ready = store.watchable().stream().map(Want::id).collect(Collectors.toSet());
        for (Want w : mine.subList((page - 1) * PAGE, Math.min(mine.size(), page * PAGE))) {
            sb.append("\n#").append(w.id()).append(' ').append(w.describe()).append(settings(w));
            if (w.active() && !ready.contains(w.id())) {
                sb.append(" · being looked up on Discogs");
            }
        }
        if (page < pages) {
            sb.append("\n/wants ").append(page + 1).append(" for more.");
        }
        return sb.toString();
    }

    private String want(String chat, String args) {
        String[] tokens = args.isEmpty() ? new String[0] : args.split("\\s+");
        if (tokens.length == 0) {
            return "Which want? /want 12 shows want #12; /wants lists yours.";
        }
        Optional<Want> found = number(tokens[0]).flatMap(n -> store.want(chat, n));
        if (found.isEmpty()) {
            return number(tokens[0]).isEmpty() ? "'" + CommandText.abbreviate(tokens[0], 20) + "' is not a want number; /wants lists yours."
                    : "You have no want #" + tokens[0].replace("#", "") + "; /wants lists yours.";
        }
        Want w = found.get();
        boolean any = w.pressingsAny();
        BigDecimal max = w.maxPrice();
        String currency = w.currency();
        Grade grade = w.minGrade();
        boolean active = w.active();
        boolean auctions = w.auctions();
        for (int i = 1; i < tokens.length; i++) {
            String token = tokens[i].toLowerCase(Locale.ROOT);
            if (token.startsWith("max:")) {
                String value = token.substring(4);
                if (value.equals("off") || value.equals("none")) {
                    max = null;
                    currency = null;
                } else {
                    max = CommandText.price(value);
                    if (max == null) {
                        return "'max:" + CommandText.abbreviate(value, 20) + "' is not a price: write it like max:40 or max:39.50 ("
                                + bot.currency() + "), or max:off.";
                    }
                    currency = bot.currency();
                }
            } else if (token.startsWith("grade:")) {
                String value = token.substring(6);
                if (value.equals("any") || value.equals("off")) {
                    grade = null;
                } else {
                    grade = GRADES.get(value);
                    if (grade == null) {
                        return "'grade:" + CommandText.abbreviate(value, 20) + "' is not a grade: use M, NM, VG+, VG, G+, G, F or P"
                                + " (grade:VG+ means VG+ or better), or grade:any.";
                    }
                }
            } else if (token.startsWith("pressings:")) {
                Boolean choice = pressings(token.substring("pressings:".length()));
                if (choice == null) {
                    return "Write pressings:any (any pressing of the album) or pressings:exact (only this release).";
                }
                any = choice;
            } else if (token.startsWith("auctions:")) {
                Boolean on = CommandText.onOff(token.substring("auctions:".length()));
                if (on == null) {
                    return "Write auctions:on (alert auctions of this want too, shortly before they end) or auctions:off.";
                }
                auctions = on;
            } else if (token.equals("pause") || token.equals("resume")) {
                active = token.equals("resume");
            } else {
                return "'" + CommandText.abbreviate(tokens[i], 20) + "' is not an option: /want " + w.id()
                        + " [max:40|max:off] [grade:VG+|grade:any] [pressings:any|pressings:exact] [auctions:on|off]"
                        + " [pause|resume].";
            }
        }
        if (tokens.length == 1) {
            return "#" + w.id() + " " + w.describe() + settings(w) + "\nRelease: https://www.discogs.com/release/" + w.releaseId();
        }
        Want changed = w.withSettings(any, max, currency, grade, active).withAuctions(auctions);
        store.update(changed);
        if (changed.active() != w.active() || changed.pressingsAny() != w.pressingsAny()
                || changed.auctions() != w.auctions()) {
            watchesChanged.run();
        }
        return "Want #" + w.id() + " " + w.describe() + settings(changed);
    }

    /** The want's own settings, e.g. {@code · any pressing · max 40 USD · VG+ or better · paused}. */
    private static String settings(Want w) {
        StringBuilder sb = new StringBuilder();
        if (w.pressingsAny()) {
            sb.append(" · any pressing");
        }
        sb.append(w.maxPrice() == null ? " · at or under its Discogs price"
                : " · max " + w.maxPrice().toPlainString() + " " + (w.currency() == null ? "" : w.currency()));
        if (w.minGrade() != null) {
            sb.append(" · ").append(shortName(w.minGrade())).append(" or better");
        }
        if (w.auctions()) {
            sb.append(" · auctions too");
        }
        if (!w.active()) {
            sb.append(" · paused");
        }
        return sb.toString().replace("  ", " ");
    }

    private static String shortName(Grade g) {
        String name = g.discogsName();
        int open = name.lastIndexOf('(');
        return open >= 0 ? name.substring(open + 1, name.length() - 1).replace("NM or M-", "NM") : name;
    }

    private static Boolean pressings(String value) {
        if (value.equals("any") || value.equals("all")) {
            return true;
        }
        return value.equals("exact") || value.equals("this") ? Boolean.FALSE : null;
    }

    private static Optional<Long> number(String text) {
        try {
            long n = Long.parseLong(text.startsWith("#") ? text.substring(1) : text);
            return n > 0 ? Optional.of(n) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
