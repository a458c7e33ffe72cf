package io.vinyldetective.engine.destinations;

import io.vinyldetective.api.Alert;
import io.vinyldetective.api.ChatAddress;
import io.vinyldetective.api.Delivery;
import io.vinyldetective.api.Notifier;
import io.vinyldetective.api.PluginContext;
import io.vinyldetective.api.PluginException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A notifier that takes addresses from chats, for engine tests: {@code https://hooks.example/<id>/<token>}
 * (stored as {@code <id>/<token>}, which it takes back too),
 * shown as {@code hooks …/<id>/****} with the token secret. Records every alert; answers from a script,
 * then 'delivered'.
 */
public final class HookNotifier implements Notifier {

    private static final Pattern URL = Pattern.compile("(?:https://hooks\\.example/)?(\\d{2,20})/([A-Za-z0-9_-]{8,80})");

    public final List<Alert> seen = new ArrayList<>();
    public final Deque<Function<Alert, Delivery>> script = new ArrayDeque<>();

    @Override
    public void start(PluginContext context) {
    }

    @Override
    public Optional<String> chatAddressHint() {
        return Optional.of("a hook URL, e.g. https://hooks.example/123/token");
    }

    @Override
    public ChatAddress chatAddress(String typed) {
        Matcher m = URL.matcher(typed.strip());
        if (!m.matches()) {
            throw new PluginException.BadItem("a hook URL looks like https://hooks.example/<number>/<token>");
        }
        return new ChatAddress(m.group(1) + "/" + m.group(2), "hooks …/" + m.group(1) + "/****", List.of(m.group(2)));
    }

    @Override
    public synchronized Delivery deliver(Alert alert) {
        seen.add(alert);
        Function<Alert, Delivery> next = script.poll();
        return next == null ? Delivery.delivered() : next.apply(alert);
    }

    public synchronized List<String> listings() {
        return seen.stream().map(a -> a.recipient() + ":" + a.deal().listing().id()).toList();
    }
}
