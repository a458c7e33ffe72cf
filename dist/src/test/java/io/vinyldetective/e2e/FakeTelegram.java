package io.vinyldetective.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback Telegram Bot API built from {@code shared/api/telegram/telegram_wire_notes.json}:
 * {@code /bot<token>/<method>} with method names matched regardless of case (telegrambots sends
 * {@code getupdates} and {@code deleteWebhook}), a refused token answered 401 as Telegram does, every
 * call recorded with its parameters (JSON bodies, and multipart forms: {@code sendPhoto}), and
 * {@code getUpdates} as a long poll: updates the test queues are handed out until a later
 * {@code offset} confirms them, and a poll with nothing to hand out is held until one is queued or
 * {@code timeout} seconds pass (at most {@code maxHold}, to keep tests quick).
 */
public final class FakeTelegram extends LoopbackFake {

    private static final Pattern PATH = Pattern.compile("/bot([^/]+)/([A-Za-z]+)");
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");

    /**
     * One Bot API call: the token in its path, the method as sent, its parameters as text, and what
     * else it carried besides the path (query string, headers, body) for scans.
     */
    public record Call(long nanos, String token, String method, String contentType, Map<String, String> params,
                String rawQuery, Map<String, String> headers, String body) {

        boolean is(String name) {
            return method.equalsIgnoreCase(name);
        }

        String param(String name) {
            return params.get(name);
        }

        /** A parameter that holds JSON (reply_markup), parsed. */
        Map<String, Object> json(String name) {
            String value = params.get(name);
            return value == null ? Map.of() : Shared.parse(value);
        }

        /** The card's text: a photo's caption or a message's text. */
        String text() {
            return params.containsKey("caption") ? params.get("caption") : params.getOrDefault("text", "");
        }

        /** Every {@code url} button under the message. */
        List<String> buttonUrls() {
            List<String> urls = new ArrayList<>();
            for (Object row : Shared.list(json("reply_markup").get("inline_keyboard"))) {
                for (Object button : Shared.list(row)) {
                    Object url = Shared.object(button).get("url");
                    if (url != null) {
                        urls.add(url.toString());
                    }
                }
            }
            return urls;
        }
    }

    private final String token;
    private final Map<String, Object> wire = Shared.json("api/telegram/telegram_wire_notes.json");
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<Map<String, Object>> pending = new ArrayList<>();
    private final Object lock = new Object();
    private final Duration maxHold;
    private long nextUpdateId = 700_000_001L;
    private long nextMessageId = 1;
    private boolean closed;

    public FakeTelegram(String token, Duration maxHold) {
        this.token = token;
        this.maxHold = maxHold;
    }

    /** A text message from a private chat, queued for the bot's next getUpdates. */
    public void userSays(long chatId, String text) {
        Map<String, Object> from = new LinkedHashMap<>();
        from.put("id", chatId);
        from.put("is_bot", false);
        from.put("first_name", "Ada");
        Map<String, Object> chat = new LinkedHashMap<>(from);
        chat.remove("is_bot");
        chat.put("type", "private");
        Map<String, Object> message = new LinkedHashMap<>();
        synchronized (lock) {
            message.put("message_id", nextMessageId++);
            message.put("from", from);
            message.put("chat", chat);
            message.put("date", System.currentTimeMillis() / 1000);
            message.put("text", text);
            if (text.startsWith("/")) {
                int end = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
                message.put("entities", List.of(Map.of("offset", 0, "length", end, "type", "bot_command")));
            }
            Map<String, Object> update = new LinkedHashMap<>();
            update.put("update_id", nextUpdateId++);
            update.put("message", message);
            pending.add(update);
            lock.notifyAll();
        }
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Calls of one method (any case). */
    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.is(method)).toList();
    }

    /** Plain messages sent to one chat (command replies: no parse mode). */
    public List<Call> replies(long chatId) {
        return calls.stream().filter(c -> c.is("sendMessage") && String.valueOf(chatId).equals(c.param("chat_id"))
                && c.param("parse_mode") == null).toList();
    }

    /** Deal cards sent to one chat: photos, and messages in HTML. */
    public List<Call> alerts(long chatId) {
        return calls.stream().filter(c -> String.valueOf(chatId).equals(c.param("chat_id"))
                && (c.is("sendPhoto") || (c.is("sendMessage") && "HTML".equalsIgnoreCase(c.param("parse_mode"))))).toList();
    }

    /** Every call to any chat other than {@code chatId} that sends something. */
    List<Call> sendsExcept(long... chatIds) {
        List<String> allowed = new ArrayList<>();
        for (long id : chatIds) {
            allowed.add(String.valueOf(id));
        }
        return calls.stream().filter(c -> c.method().toLowerCase(Locale.ROOT).startsWith("send")
                && !allowed.contains(c.param("chat_id"))).toList();
    }

    @Override
    protected boolean records(Request request) {
        return false; // calls() is the record, with parsed parameters
    }

    @Override
    protected Reply answer(Request request) throws InterruptedException {
        Matcher m = PATH.matcher(request.path());
        if (!m.matches()) {
            return Reply.json(404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
        }
        Call call = new Call(request.nanos(), m.group(1), m.group(2), request.header("Content-Type"),
                params(request), request.rawQuery(), request.headers(), request.bodyText());
        calls.add(call);
        if (!token.equals(call.token())) {
            return Reply.json(401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
        }
        switch (call.method().toLowerCase(Locale.ROOT)) {
            case "deletewebhook":
                return Reply.json(200, Shared.write(wire.get("deleteWebhook_response_constructed")));
            case "setmycommands":
            case "answercallbackquery":
                // Both answer the bare success envelope, as the recorded answerCallbackQuery does.
                return Reply.json(200, Shared.write(wire.get("answerCallbackQuery_response")));
            case "getupdates":
                return Reply.json(200, Shared.write(Map.of("ok", true, "result", updates(call))));
            case "sendmessage":
            case "sendphoto":
                return Reply.json(200, Shared.write(sent(call)));
            default:
                return Reply.json(404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found: method not found\"}");
        }
    }

    /** The recorded sendMessage answer, with the chat, text and a fresh message id. */
    private Map<String, Object> sent(Call call) {
        Map<String, Object> answer = Shared.copy(Shared.object(wire.get("sendMessage_response_recorded")));
        Map<String, Object> message = Shared.object(answer.get("result"));
        synchronized (lock) {
            message.put("message_id", nextMessageId++);
        }
        message.put("date", System.currentTimeMillis() / 1000);
        message.put("chat", Map.of("id", Long.parseLong(call.param("chat_id")), "type", "private", "first_name", "Ada"));
        if (call.is("sendPhoto")) {
            message.remove("text");
            message.put("caption", call.text());
            message.put("photo", List.of(Map.of("file_id", "AgACAgQAAxkBAAIB", "file_unique_id", "AQADBAAD",
                    "width", 320, "height", 320)));
        } else {
            message.put("text", call.text());
        }
        return answer;
    }

    /** Unconfirmed updates from {@code offset} on; waits for one when there is none. */
    private List<Map<String, Object>> updates(Call call) throws InterruptedException {
        long offset = number(call.param("offset"), 0);
        int limit = (int) Math.max(1, Math.min(100, number(call.param("limit"), 100)));
        long hold = Math.min(number(call.param("timeout"), 0) * 1000, maxHold.toMillis());
        long deadline = System.currentTimeMillis() + hold;
        synchronized (lock) {
            pending.removeIf(u -> ((Number) u.get("update_id")).longValue() < offset);
            while (true) {
                List<Map<String, Object>> ready = pending.stream()
                        .filter(u -> ((Number) u.get("update_id")).longValue() >= offset).limit(limit).toList();
                long left = deadline - System.currentTimeMillis();
                if (!ready.isEmpty() || closed || left <= 0) {
                    return ready;
                }
                lock.wait(left);
            }
        }
    }

    private static long number(String value, long otherwise) {
        try {
            return value == null ? otherwise : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** The parameters: top-level JSON members as text (objects as JSON), or the parts of a multipart form. */
    private static Map<String, String> params(Request request) {
        String type = request.header("Content-Type") == null ? "" : request.header("Content-Type");
        Map<String, String> params = new LinkedHashMap<>(request.query());
        if (type.startsWith("application/json") && request.body().length > 0) {
            Shared.parse(request.bodyText()).forEach((k, v) ->
                    params.put(k, v instanceof String s ? s : v == null ? null : Shared.write(v)));
        } else if (type.startsWith("multipart/form-data")) {
            Matcher b = BOUNDARY.matcher(type);
            if (b.find()) {
                params.putAll(multipart(request.body(), b.group(1)));
            }
        } else if (type.startsWith("application/x-www-form-urlencoded")) {
            params.putAll(query(request.bodyText()));
        }
        return params;
    }

    private static Map<String, String> multipart(byte[] body, String boundary) {
        Map<String, String> fields = new LinkedHashMap<>();
        String all = new String(body, StandardCharsets.ISO_8859_1);
        for (String part : all.split(Pattern.quote("--" + boundary))) {
            if (part.startsWith("--")) {
                break; // the closing delimiter
            }
            int split = part.indexOf("\r\n\r\n");
            if (split < 0) {
                continue;
            }
            Matcher name = Pattern.compile("name=\"([^\"]*)\"").matcher(part.substring(0, split));
            if (!name.find()) {
                continue;
            }
            String value = part.substring(split + 4);
            if (value.endsWith("\r\n")) {
                value = value.substring(0, value.length() - 2);
            }
            fields.put(name.group(1), new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
        super.close();
    }
}
