package io.vinyldetective.plugins.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A loopback fake of the Bot API, built from the recorded wire notes in
 * {@code shared/api/telegram/}: {@code /bot<token>/<method>}, method names matched without regard
 * to case (telegrambots sends {@code getupdates} but {@code deleteWebhook}), every call recorded,
 * updates queued by the test and handed out by {@code getUpdates}, and errors scripted per method.
 */
final class FakeBotApi implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNode WIRE = wireNotes();

    /** One recorded call. */
    record Call(String token, String method, String contentType, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Answer>> scripted = new ConcurrentHashMap<>();
    private final BlockingQueue<JsonNode> updates = new LinkedBlockingQueue<>();
    private int nextUpdateId = 10000;
    private int nextMessageId = 100;

    FakeBotApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** The next call of {@code method} gets this answer instead of the default. */
    synchronized void script(String method, int status, String body) {
        scripted.computeIfAbsent(method.toLowerCase(Locale.ROOT), m -> new ArrayDeque<>()).add(new Answer(status, body));
    }

    /** The recorded 429 with its {@code retry_after}. */
    void scriptTooManyRequests(String method, int retryAfter) {
        ObjectNode body = ((ObjectNode) WIRE.get("429_example")).deepCopy();
        body.put("description", "Too Many Requests: retry after " + retryAfter);
        ((ObjectNode) body.get("parameters")).put("retry_after", retryAfter);
        script(method, 429, body.toString());
    }

    void scriptError(String method, int code, String description) {
        script(method, code, JSON.createObjectNode().put("ok", false).put("error_code", code)
                .put("description", description).toString());
    }

    /** Queues a text message from a private chat. */
    synchronized void userSays(long chatId, String text) {
        ObjectNode chat = JSON.createObjectNode().put("id", chatId).put("type", "private").put("first_name", "Ada");
        ObjectNode from = JSON.createObjectNode().put("id", chatId).put("is_bot", false).put("first_name", "Ada");
        ObjectNode message = JSON.createObjectNode().put("message_id", nextMessageId++);
        message.set("from", from);
        message.set("chat", chat);
        message.put("date", 1700000000).put("text", text);
        ObjectNode update = JSON.createObjectNode().put("update_id", nextUpdateId++);
        update.set("message", message);
        updates.add(update);
    }

    /** Queues a button press under a message in a private chat, shaped like the recorded callback update. */
    synchronized void userPresses(long chatId, String callbackId, String data) {
        ObjectNode update = WIRE.get("getUpdates_callback_query_constructed").get("result").get(0).deepCopy();
        update.put("update_id", nextUpdateId++);
        ObjectNode query = (ObjectNode) update.get("callback_query");
        query.put("id", callbackId).put("data", data);
        ((ObjectNode) query.get("from")).put("id", chatId);
        ((ObjectNode) query.get("message").get("chat")).put("id", chatId);
        updates.add(update);
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equalsIgnoreCase(method)).toList();
    }

    /** Waits until {@code count} calls of {@code method} have been made; returns them. */
    List<Call> await(String method, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (calls(method).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " " + method + " calls, got " + calls(method));
            }
            Thread.sleep(20);
        }
        return calls(method);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String[] parts = path.split("/");
        String token = parts.length > 1 && parts[1].startsWith("bot") ? parts[1].substring(3) : "";
        String method = parts.length > 2 ? parts[parts.length - 1] : "";
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String key = method.toLowerCase(Locale.ROOT);
        Answer answer;
        synchronized (this) {
            Deque<Answer> queue = scripted.get(key);
            answer = queue == null ? null : queue.poll();
        }
        if (!key.equals("getupdates") || answer != null) {
            calls.add(new Call(token, method, exchange.getRequestHeaders().getFirst("Content-Type"), body));
        }
        if (answer == null) {
            answer = defaultAnswer(key);
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private Answer defaultAnswer(String method) {
        switch (method) {
            case "deletewebhook":
                return new Answer(200, WIRE.get("deleteWebhook_response_constructed").toString());
            case "getupdates":
                return new Answer(200, pendingUpdates());
            case "sendmessage":
            case "sendphoto":
                return new Answer(200, WIRE.get("sendMessage_response_recorded").toString());
            case "answercallbackquery":
                return new Answer(200, WIRE.get("answerCallbackQuery_response").toString());
            case "setmycommands":
                return new Answer(200, "{\"ok\":true,\"result\":true}");
            default:
                return new Answer(404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
        }
    }

    /** Hands out queued updates, waiting a little when there are none (a short long poll). */
    private String pendingUpdates() {
        ObjectNode envelope = JSON.createObjectNode().put("ok", true);
        var result = envelope.putArray("result");
        try {
            JsonNode first = updates.poll(200, TimeUnit.MILLISECONDS);
            if (first != null) {
                result.add(first);
                JsonNode next;
                while ((next = updates.poll()) != null) {
                    result.add(next);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return envelope.toString();
    }

    private static JsonNode wireNotes() {
        Path file = Path.of(System.getProperty("vd.shared.dir", "../../../shared"), "api/telegram/telegram_wire_notes.json");
        try {
            return JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("the recorded Bot API wire notes are missing: " + file, e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
