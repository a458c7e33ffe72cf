package io.vinyldetective.engine.destinations;

import io.vinyldetective.api.ChatAddress;
import io.vinyldetective.api.ChatCommand;
import io.vinyldetective.api.Notifier;
import io.vinyldetective.api.PluginException;
import io.vinyldetective.engine.alerts.AlertOutbox;
import io.vinyldetective.engine.bot.CommandText;
import io.vinyldetective.engine.logging.SecretMasker;
import io.vinyldetective.engine.pipeline.Pipeline;
import io.vinyldetective.engine.pipeline.Stage;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's {@code /notify} command (parsed and answered here, for every chat front end): where a
 * chat's alerts go besides the chat itself. {@code /notify} lists the chat's destinations;
 * {@code /notify <notifier> <address>} adds one, checked by that notifier plugin
 * ({@link Notifier#chatAddress}); {@code /notify remove <#>} removes one; {@code /notify test} sends a
 * test card to each through the alert outbox. Addresses are shown masked, as the plugin masks them,
 * and their secret parts are registered with the log masker. Bad input is answered and changes nothing.
 */
@Singleton
public class NotifyCommands {

    /** The most destinations one chat may have. */
    static final int MAX_PER_CHAT = 5;
    /** Longer input is not an address anyone types. */
    static final int MAX_ADDRESS_LENGTH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(NotifyCommands.class);

    static final ChatCommand COMMAND = new ChatCommand("notify", "Also alert ntfy, Discord, e-mail: list, add, remove #");

    static final String HELP = "/notify - where your alerts go besides this chat; /notify ntfy <topic URL>, /notify discord"
            + " <webhook URL> or /notify email <address> adds a place (the ones this bot has), /notify remove <#> removes one,"
            + " /notify test sends a test card to each";

    private final DestinationStore store;
    private final AlertOutbox outbox;
    private final Clock clock;
    private volatile Map<String, Notifier> notifiers = Map.of();
    private volatile String chatNotifier;

    public NotifyCommands(DestinationStore store, AlertOutbox outbox, Clock clock) {
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
    }

    public List<ChatCommand> commands() {
        return List.of(COMMAND);
    }

    public String help() {
        return HELP;
    }

    /**
     * The pipeline's notifiers that take addresses from chats, and the one that delivers to the chat
     * itself. Registers the secret parts of every active destination with the log masker first, so no
     * line logged while delivering can show one.
     */
    public void attach(Pipeline pipeline) {
        Map<String, Notifier> addressable = pipeline.addressableNotifiers();
        for (Destination d : store.allActive()) {
            Notifier notifier = addressable.get(d.notifierId());
            SecretMasker.register(List.of(d.recipient()));
            if (notifier == null) {
                continue;
            }
            try {
                SecretMasker.register(notifier.chatAddress(d.recipient()).secrets());
            } catch (RuntimeException e) {
                LOG.warn("Destination #{} ({}) of chat {} is no longer accepted by its notifier: {}", d.id(), d.notifierId(),
                        d.chatId(), SecretMasker.mask(e.getMessage()));
            }
        }
        notifiers = Collections.unmodifiableMap(new LinkedHashMap<>(addressable)); // in configured order
        chatNotifier = pipeline.chatNotifier().map(Stage::pluginId).orElse(null);
    }

    /** The answer to {@code /notify}, or empty when {@code command} is another command. */
    public Optional<String> answer(String chat, String command, String args) {
        if (!command.equals(COMMAND.name())) {
            return Optional.empty();
        }
        String[] parts = args.isEmpty() ? new String[0] : args.split("\\s+", 2);
        if (parts.length == 0 || parts[0].equalsIgnoreCase("list")) {
            return Optional.of(list(chat));
        }
        String first = parts[0].toLowerCase(Locale.ROOT);
        String rest = parts.length > 1 ? parts[1].strip() : "";
        switch (first) {
            case "remove":
            case "delete":
                return Optional.of(remove(chat, rest));
            case "test":
                return Optional.of(rest.isEmpty() ? test(chat) : "Write /notify test, nothing after it.");
            default:
                return Optional.of(add(chat, first, rest));
        }
    }

    private String list(String chat) {
        List<Destination> mine = store.of(chat);
        List<String> lines = new ArrayList<>();
        lines.add(mine.isEmpty() ? "Your alerts go to this chat only." : "Your alerts go to this chat and to:");
        for (Destination d : mine) {
            String state = !d.active() ? " — disabled: " + d.lastError()
                    : notifiers.containsKey(d.notifierId()) ? "" : " — waiting: " + d.notifierId() + " is not running here now";
            lines.add(d.describe() + state);
        }
        lines.addAll(howTo(!mine.isEmpty()));
        return String.join("\n", lines);
    }

    private List<String> howTo(boolean any) {
        Map<String, String> hints = hints();
        if (hints.isEmpty()) {
            return List.of("This bot has no notifier that takes other places (ntfy, Discord, e-mail).");
        }
        List<String> lines = new ArrayList<>();
        hints.forEach((id, hint) -> lines.add("/notify " + id + " <" + hint + ">"));
        if (any) {
            lines.add("/notify remove <#> removes one; /notify test sends a test card to each.");
        }
        return lines;
    }

    /** The hint of each notifier that takes chat addresses, by plugin id; a notifier that fails here is left out. */
    private Map<String, String> hints() {
        Map<String, String> hints = new LinkedHashMap<>();
        notifiers.forEach((id, notifier) -> {
            try {
                notifier.chatAddressHint().ifPresent(h -> hints.put(id, h));
            } catch (RuntimeException e) {
                LOG.warn("Plugin '{}' failed to describe its addresses: {}", id, e.toString());
            }
        });
        return hints;
    }

    private String add(String chat, String notifierId, String typed) {
        Notifier notifier = notifiers.get(notifierId);
        if (notifier == null) {
            String known = String.join(", ", hints().keySet());
            if (notifierId.equals(chatNotifier)) {
                return "Alerts reach this chat through " + notifierId + " already. " + (known.isEmpty() ? ""
                        : "Other places you can add: " + known + ".");
            }
            return "There is no notifier '" + CommandText.abbreviate(notifierId, 20) + "' here"
                    + (known.isEmpty() ? " (this bot has none that takes other places)." : "; you can add: " + known + ".");
        }
        if (typed.isEmpty()) {
            return "Where to? /notify " + notifierId + " <" + hints().getOrDefault(notifierId, "address") + ">";
        }
        if (typed.length() > MAX_ADDRESS_LENGTH) {
            return "That is " + typed.length() + " characters long; no " + notifierId + " address is that long.";
        }
        ChatAddress address;
        try {
            address = notifier.chatAddress(typed);
        } catch (PluginException.BadItem e) {
            return "That is not a " + notifierId + " address I can use: " + e.getMessage();
        } catch (RuntimeException e) {
            LOG.warn("Plugin '{}' failed to check an address: {}", notifierId, SecretMasker.mask(e.toString()));
            return "The " + notifierId + " notifier could not check that address just now; try again later.";
        }
        SecretMasker.register(address.secrets());
        SecretMasker.register(List.of(address.recipient()));
        boolean known = store.of(chat).stream().anyMatch(d -> d.notifierId().equals(notifierId)
                && d.recipient().equals(address.recipient()));
        if (!known && store.of(chat).size() >= MAX_PER_CHAT) {
            return "You have " + MAX_PER_CHAT + " places, the most a chat may have. Remove one with /notify remove <#> first.";
        }
        DestinationStore.Added added = store.add(chat, notifierId, address, clock.instant());
        Destination d = added.destination();
        LOG.info("Chat {} added destination #{} ({})", chat, d.id(), notifierId);
        if (added.existed()) {
            return "You have that place already: " + d.describe() + " (active). /notify test sends a test card.";
        }
        return "Added " + d.describe() + ". New deals go there too; /notify test sends a test card now.";
    }

    private String remove(String chat, String number) {
        if (number.isEmpty() || number.contains(" ")) {
            return "Which one? Write /notify remove 3 to remove #3; /notify lists yours.";
        }
        String digits = number.startsWith("#") ? number.substring(1) : number;
        long id;
        try {
            id = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return "'" + CommandText.abbreviate(number, 20) + "' is not a number; /notify lists yours.";
        }
        // Another chat's number is answered like a missing one.
        return store.remove(chat, id).map(d -> "Removed " + d.describe() + ". Alerts still waiting for it are dropped.")
                .orElse("You have no place #" + id + "; /notify lists yours.");
    }

    private String test(String chat) {
        List<Destination> active = store.active(chat).stream().filter(d -> notifiers.containsKey(d.notifierId())).toList();
        if (active.isEmpty()) {
            return "You have no place to test. " + String.join(" ", howTo(false));
        }
        var card = TestCard.deal(clock.instant());
        List<String> queued = new ArrayList<>();
        for (Destination d : active) {
            if (outbox.enqueueTo(d, card)) {
                queued.add(d.describe());
            }
        }
        return "Test card on its way to " + String.join(", ", queued) + ". If one of them is gone for good, I will tell you here.";
    }
}
