package io.vinyldetective.engine.bot;

import io.micronaut.core.annotation.Nullable;
import io.vinyldetective.api.AlertButtons;
import io.vinyldetective.api.ChatButton;
import io.vinyldetective.api.ChatCommand;
import io.vinyldetective.api.ChatHandler;
import io.vinyldetective.api.ChatMessage;
import io.vinyldetective.api.ChatReply;
import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.engine.destinations.NotifyCommands;
import io.vinyldetective.engine.storage.SavedSearch;
import io.vinyldetective.engine.storage.SavedSearchRepository;
import io.vinyldetective.engine.wants.WantCommands;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's commands, for every chat front end ({@link io.vinyldetective.api.ChatChannel}): parses
 * and validates each command, checks the allowlist and the per-chat limits, and answers every
 * message with at most one plain-text reply. Bad input is answered and changes nothing.
 * Searches are addressed by their stable number ({@code #12}), which {@code /my_searches} shows.
 */
@Singleton
public class BotCommands implements ChatHandler {

    static final int MAX_QUERY_LENGTH = 200;
    static final double MIN_THRESHOLD = 0.05;
    static final double MAX_THRESHOLD = 0.95;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Logger LOG = LoggerFactory.getLogger(BotCommands.class);

    private static final List<ChatCommand> SEARCH_COMMANDS = List.of(
            new ChatCommand("start", "Welcome and how to begin"),
            new ChatCommand("help", "What I can do"),
            new ChatCommand("add_search", "Save a search: <query> [format:vinyl] [max:80]"),
            new ChatCommand("my_searches", "Your searches, numbered"),
            new ChatCommand("set_threshold", "Deal threshold 0.05-0.95 [search#]"),
            new ChatCommand("pause", "Pause alerts [search#]"),
            new ChatCommand("resume", "Resume alerts [search#]"),
            new ChatCommand("delete", "Delete a search: <search#>"),
            new ChatCommand("status", "Last poll, API budget, alerts today"));

    private static final String HELP = String.join("\n",
            "I watch eBay for records priced below their Discogs value and tell you here.",
            "",
            "/add_search <query> [format:vinyl|cd|cassette] [max:<price>] [shipping:any] [auctions:on] - save a search, e.g. /add_search blue note format:vinyl max:80 (shipping:any: also listings whose shipping cost is unknown; auctions:on: also auctions, alerted shortly before they end at their current bid)",
            "/my_searches - your searches, numbered",
            "/set_threshold <0.05-0.95> [search#] - how far below the reference price a deal must be (0.3 = 30 %); without a number, for all your searches",
            "/pause [search#] - stop alerts (all your searches without a number)",
            "/resume [search#] - start them again",
            "/delete <search#> - delete a search",
            "/status - last poll, API budget left, alerts sent today");

    private final SavedSearchRepository searches;
    private final ChatFeedback feedback;
    private final BotSettings settings;
    private final Clock clock;
    private final SearchTrigger trigger;
    private final CommandRateLimiter limiter;
    private final PollStatus polling;
    private final WantCommands wants;
    private final NotifyCommands notify;
    private final List<ChatCommand> commands;
    private final String help;

    public BotCommands(SavedSearchRepository searches, ChatFeedback feedback, BotSettings settings, Clock clock,
                       @Nullable SearchTrigger trigger, @Nullable PollStatus polling, @Nullable WantCommands wants) {
        this(searches, feedback, settings, clock, trigger, polling, wants, null);
    }

    @Inject
    public BotCommands(SavedSearchRepository searches, ChatFeedback feedback, BotSettings settings, Clock clock,
                       @Nullable SearchTrigger trigger, @Nullable PollStatus polling, @Nullable WantCommands wants,
                       @Nullable NotifyCommands notify) {
        this.searches = searches;
        this.feedback = feedback;
        this.settings = settings;
        this.clock = clock;
        this.trigger = trigger != null ? trigger : search -> LOG.debug("No poller yet to poll search #{} now", search.id());
        this.limiter = new CommandRateLimiter(settings.commandsPerMinute(), clock);
        this.polling = polling;
        this.wants = wants;
        this.notify = notify;
        List<ChatCommand> all = new ArrayList<>(SEARCH_COMMANDS);
        if (wants != null) {
            all.addAll(all.size() - 1, wants.commands()); // before /status
            wants.onWatchesChanged(this.trigger::watchesChanged);
        }
        if (notify != null) {
            all.addAll(all.size() - 1, notify.commands());
        }
        this.commands = List.copyOf(all);
        this.help = HELP + (wants == null ? "" : "\n" + wants.help()) + (notify == null ? "" : "\n" + notify.help())
                + "\n/help - this text";
    }

    @Override
    public List<ChatCommand> commands() {
        return commands;
    }

    @Override
    public List<ChatReply> onMessage(ChatMessage message) {
        String chat = message.chatId();
        Optional<String> gate = gate(chat);
        if (gate != null) {
            return reply(chat, gate);
        }
        String text = message.text().strip();
        if (!text.startsWith("/") || text.length() == 1) {
            return reply(chat, "I only understand commands. Send /help for the list.");
        }
        String[] parts = text.split("\\s+", 2);
        String command = parts[0].substring(1).toLowerCase(Locale.ROOT);
        int at = command.indexOf('@');
        if (at >= 0) {
            command = command.substring(0, at);
        }
        String args = parts.length > 1 ? parts[1].strip() : "";
        return reply(chat, answer(chat, command, args));
    }

    @Override
    public List<ChatReply> onButton(ChatButton button) {
        String chat = button.chatId();
        Optional<String> gate = gate(chat);
        if (gate != null) {
            return reply(chat, gate);
        }
        Optional<AlertButtons.Action> action = AlertButtons.parse(button.data());
        if (action.isEmpty()) {
            return reply(chat, "That button is no longer valid.");
        }
        Instant now = clock.instant();
        if (action.get() instanceof AlertButtons.Mute mute) {
            feedback.mute(chat, mute.releaseId(), now);
            return reply(chat, "Muted: you will get no more alerts for this release.");
        }
        AlertButtons.WrongMatch wrong = (AlertButtons.WrongMatch) action.get();
        feedback.reportWrongMatch(chat, wrong.listingId(), wrong.releaseId(), now);
        return reply(chat, "Thanks: this listing will not be matched to that release again.");
    }

    /**
     * Null when the chat may go on; otherwise the one reply to give (empty: stay silent, the chat
     * is flooding and was told so already).
     */
    private Optional<String> gate(String chat) {
        switch (limiter.check(chat)) {
            case DROP:
                return Optional.empty();
            case REFUSE_AND_SAY_SO:
                return Optional.of("Too many commands: at most " + settings.commandsPerMinute()
                        + " a minute. Wait a minute, then try again.");
            default:
                break;
        }
        if (!settings.allows(chat)) {
            LOG.info("Refused a message from chat {} (not in the allowed chats)", chat);
            return Optional.of("Sorry, this bot is private. Your chat id is " + chat
                    + ". Ask the bot's owner to add it to the allowed chats.");
        }
        return null;
    }

    private String answer(String chat, String command, String args) {
        switch (command) {
            case "start":
                return "Welcome! " + help;
            case "help":
                return help;
            case "add_search":
                return addSearch(chat, args);
            case "my_searches":
                return mySearches(chat);
            case "set_threshold":
                return setThreshold(chat, args);
            case "pause":
                return setActive(chat, args, false);
            case "resume":
                return setActive(chat, args, true);
            case "delete":
                return delete(chat, args);
            case "status":
                return status(chat);
            default:
                return Optional.ofNullable(wants).flatMap(w -> w.answer(chat, command, args))
                        .or(() -> Optional.ofNullable(notify).flatMap(n -> n.answer(chat, command, args)))
                        .orElseGet(() -> "Unknown command /" + CommandText.abbreviate(command, 40) + ". Send /help for the list.");
        }
    }

    private String addSearch(String chat, String args) {
        List<String> words = new ArrayList<>();
        String formatText = null;
        String maxText = null;
        String shippingText = null;
        String auctionsText = null;
        for (String token : args.isEmpty() ? new String[0] : args.split("\\s+")) {
            String lower = token.toLowerCase(Locale.ROOT);
            if (lower.startsWith("format:")) {
                formatText = token.substring("format:".length());
            } else if (lower.startsWith("max:")) {
                maxText = token.substring("max:".length());
            } else if (lower.startsWith("shipping:")) {
                shippingText = lower.substring("shipping:".length());
            } else if (lower.startsWith("auctions:")) {
                auctionsText = lower.substring("auctions:".length());
            } else {
                words.add(token);
            }
        }
        String query = String.join(" ", words);
        if (query.isEmpty()) {
            return "Tell me what to look for, e.g. /add_search blue note format:vinyl max:80";
        }
        if (query.length() > MAX_QUERY_LENGTH) {
            return "That search is " + query.length() + " characters long; the limit is " + MAX_QUERY_LENGTH + ".";
        }
        MediaFormat format = null;
        if (formatText != null) {
            format = MediaFormat.fromName(formatText);
            if (format == null || format == MediaFormat.OTHER) {
                return "Unknown format '" + CommandText.abbreviate(formatText, 20) + "': use format:vinyl, format:cd or format:cassette.";
            }
        }
        BigDecimal max = null;
        if (maxText != null) {
            max = CommandText.price(maxText);
            if (max == null) {
                return "'max:" + CommandText.abbreviate(maxText, 20) + "' is not a price: write it like max:80 or max:79.50 ("
                        + settings.currency() + ").";
            }
        }
        boolean anyShipping = false;
        if (shippingText != null) {
            if (!shippingText.equals("any") && !shippingText.equals("known")) {
                return "'shipping:" + CommandText.abbreviate(shippingText, 20) + "' is not an option: write shipping:any to be told "
                        + "about listings whose shipping cost is unknown too (the default is shipping:known).";
            }
            anyShipping = shippingText.equals("any");
        }
        Boolean auctions = auctionsText == null ? Boolean.FALSE : CommandText.onOff(auctionsText);
        if (auctions == null) {
            return "'auctions:" + CommandText.abbreviate(auctionsText, 20) + "' is not an option: write auctions:on to be told "
                    + "about auctions too, shortly before they end (the default is auctions:off).";
        }
        if (searches.countByChatId(chat) >= settings.maxSearchesPerChat()) {
            return "You have " + settings.maxSearchesPerChat() + " searches, the most a chat may have. "
                    + "Delete one with /delete <search#> first.";
        }
        SavedSearch saved = searches.save(new SavedSearch(null, chat, query, format == null ? null : format.name(), max,
                max == null ? null : settings.currency(), settings.defaultThreshold(),
                (int) settings.pollInterval().toSeconds(), true, clock.instant().truncatedTo(ChronoUnit.MILLIS), null,
                anyShipping, auctions));
        trigger.pollSoon(saved);
        return "Saved search " + describe(saved) + ". Checking it now.";
    }

    private String mySearches(String chat) {
        List<SavedSearch> mine = searches.findByChatIdOrderById(chat);
        if (mine.isEmpty()) {
            return "You have no saved searches. Add one with /add_search <query>.";
        }
        StringBuilder sb = new StringBuilder("Your searches:");
        for (SavedSearch s : mine) {
            sb.append('\n').append(describe(s));
        }
        return sb.toString();
    }

    private String setThreshold(String chat, String args) {
        String[] tokens = args.isEmpty() ? new String[0] : args.split("\\s+");
        if (tokens.length == 0 || tokens.length > 2) {
            return "Write it like /set_threshold 0.3 (alerts at 30 % below the reference price) or /set_threshold 0.3 12 "
                    + "for search #12 only.";
        }
        Double threshold = threshold(tokens[0]);
        if (threshold == null) {
            return "'" + CommandText.abbreviate(tokens[0], 20) + "' is not a number: give a threshold between 0.05 and 0.95, "
                    + "e.g. /set_threshold 0.3";
        }
        if (threshold < MIN_THRESHOLD || threshold > MAX_THRESHOLD) {
            return tokens[0] + " is out of range: the threshold must be between 0.05 and 0.95 (5 % to 95 % below the reference).";
        }
        Target target = target(chat, tokens.length == 2 ? tokens[1] : null);
        if (target.error != null) {
            return target.error;
        }
        for (SavedSearch s : target.searches) {
            searches.update(s.with(threshold, s.active()));
        }
        return "Threshold " + percent(threshold) + " below the reference price for " + target.what() + ".";
    }

    private static Double threshold(String text) {
        String t = text.replace(',', '.');
        boolean percent = t.endsWith("%");
        try {
            double value = Double.parseDouble(percent ? t.substring(0, t.length() - 1) : t);
            if (!Double.isFinite(value) || t.matches(".*[a-zA-Z].*")) {
                return null;
            }
            return percent ? value / 100 : value;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String setActive(String chat, String args, boolean active) {
        String[] tokens = args.isEmpty() ? new String[0] : args.split("\\s+");
        String verb = active ? "resume" : "pause";
        if (tokens.length > 1) {
            return "Write /" + verb + " for all your searches or /" + verb + " 12 for search #12.";
        }
        Target target = target(chat, tokens.length == 1 ? tokens[0] : null);
        if (target.error != null) {
            return target.error;
        }
        for (SavedSearch s : target.searches) {
            if (s.active() != active) {
                SavedSearch changed = searches.update(s.with(s.threshold(), active));
                if (active) {
                    trigger.pollSoon(changed);
                }
            }
        }
        return (active ? "Resumed " : "Paused ") + target.what() + ".";
    }

    private String delete(String chat, String args) {
        String[] tokens = args.isEmpty() ? new String[0] : args.split("\\s+");
        if (tokens.length != 1) {
            return "Which search? Write /delete 12 to delete search #12; /my_searches lists yours.";
        }
        Target target = target(chat, tokens[0]);
        if (target.error != null) {
            return target.error;
        }
        SavedSearch s = target.searches.get(0);
        searches.deleteById(s.id());
        return "Deleted search #" + s.id() + " (" + s.query() + ").";
    }

    private String status(String chat) {
        List<SavedSearch> mine = searches.findByChatIdOrderById(chat);
        long active = mine.stream().filter(SavedSearch::active).count();
        Optional<Instant> lastPoll = mine.stream().map(SavedSearch::lastPolledAt).filter(Objects::nonNull)
                .max(Instant::compareTo);
        Instant today = clock.instant().truncatedTo(ChronoUnit.DAYS);
        List<String> lines = new ArrayList<>();
        lines.add("Searches: " + mine.size() + " (" + active + " active, " + (mine.size() - active) + " paused)");
        lines.add("Last poll: " + lastPoll.map(WHEN::format).orElse("not yet"));
        List<String> budgets = polling == null ? List.of() : polling.budgetLines();
        if (budgets.isEmpty()) {
            lines.add("API budget left: not reported (the poller is not running or no source has a budget)");
        } else {
            lines.add("API budget left:");
            budgets.forEach(b -> lines.add("  " + b));
        }
        if (polling != null) {
            polling.slowdown().ifPresent(lines::add);
        }
        if (wants != null) {
            wants.statusLine(chat).ifPresent(lines::add);
        }
        lines.add("Alerts sent today: " + feedback.alertsSentSince(chat, today));
        return String.join("\n", lines);
    }

    /** The searches a command applies to: one by number, or all of the chat's when no number is given. */
    private Target target(String chat, String number) {
        if (number == null) {
            List<SavedSearch> mine = searches.findByChatIdOrderById(chat);
            return mine.isEmpty() ? Target.error("You have no saved searches. Add one with /add_search <query>.")
                    : new Target(mine, null);
        }
        String digits = number.startsWith("#") ? number.substring(1) : number;
        long id;
        try {
            id = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Target.error("'" + CommandText.abbreviate(number, 20) + "' is not a search number; /my_searches lists yours.");
        }
        // Another chat's search is answered like a missing one: its existence is none of this chat's business.
        Optional<SavedSearch> found = searches.findById(id).filter(s -> s.chatId().equals(chat));
        return found.map(s -> new Target(List.of(s), null))
                .orElseGet(() -> Target.error("You have no search #" + id + "; /my_searches lists yours."));
    }

    private record Target(List<SavedSearch> searches, String error) {
        static Target error(String message) {
            return new Target(List.of(), message);
        }

        String what() {
            return searches.size() == 1 ? "search #" + searches.get(0).id() : "your " + searches.size() + " searches";
        }
    }

    private static String describe(SavedSearch s) {
        StringBuilder sb = new StringBuilder("#").append(s.id()).append(" \"").append(s.query()).append('"');
        if (s.format() != null) {
            sb.append(" · ").append(MediaFormat.valueOf(s.format()).displayName());
        }
        if (s.maxPrice() != null) {
            sb.append(" · max ").append(s.maxPrice().toPlainString()).append(' ').append(s.currency());
        }
        if (s.alertWithoutShipping()) {
            sb.append(" · shipping unknown ok");
        }
        if (s.includeAuctions()) {
            sb.append(" · auctions too");
        }
        sb.append(" · threshold ").append(percent(s.threshold()))
                .append(" · every ").append(interval(s.pollIntervalSeconds()))
                .append(" · ").append(s.active() ? "active" : "paused");
        return sb.toString();
    }

    private static String percent(double fraction) {
        return Math.round(fraction * 100) + " %";
    }

    private static String interval(int seconds) {
        if (seconds % 3600 == 0) {
            return seconds / 3600 + " h";
        }
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }

    private static List<ChatReply> reply(String chat, String text) {
        return List.of(new ChatReply(chat, text));
    }

    private static List<ChatReply> reply(String chat, Optional<String> text) {
        return text.map(t -> reply(chat, t)).orElse(List.of());
    }
}
