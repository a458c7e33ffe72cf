package io.vinyldetective.engine.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vinyldetective.api.HttpCall;
import io.vinyldetective.api.HttpReply;
import io.vinyldetective.api.PluginException;
import io.vinyldetective.api.Urgency;
import io.vinyldetective.engine.http.LoopbackServer.Answer;
import io.vinyldetective.engine.http.LoopbackServer.Seen;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineHttpGatewayTest {

    private static final HttpGatewayConfiguration FAST = new HttpGatewayConfiguration(Duration.ofSeconds(2),
            Duration.ofSeconds(5), 10, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(5),
            1024 * 1024, null);

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final Sleeper recordingSleeper = d -> {
        sleeps.add(d);
        Thread.sleep(Math.min(d.toMillis(), 20));
    };
    private LoopbackServer server;
    private EngineHttpGateway gateway;

    @BeforeEach
    void start() throws IOException {
        server = LoopbackServer.start();
        gateway = gateway(FAST, recordingSleeper);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static EngineHttpGateway gateway(HttpGatewayConfiguration config, Sleeper sleeper) {
        return new EngineHttpGateway(config, new JdkHttpTransport(config), sleeper, Clock.systemUTC());
    }

    @Test
    void getWithHeadersReachesTheServerAndTheAnswerComesBack() {
        server.then(Answer.of(200, "{\"id\":1}").withHeader("X-Discogs-Ratelimit-Remaining", "59"));

        HttpReply reply = gateway.send(HttpCall.get(server.uri("/releases/1?token=abc&q=a%20b"))
                .withHeader("Authorization", "Discogs token=abc").withHeader("Accept", "application/json"));

        assertEquals(200, reply.status());
        assertEquals("{\"id\":1}", reply.text());
        assertEquals("59", reply.header("x-discogs-ratelimit-remaining").orElseThrow());
        assertFalse(reply.fromCache());
        Seen seen = server.seen().get(0);
        assertEquals("GET", seen.method());
        assertEquals("/releases/1", seen.path());
        assertEquals("token=abc&q=a%20b", seen.query());
        assertEquals("Discogs token=abc", seen.header("Authorization"));
        assertEquals("application/json", seen.header("Accept"));
        assertTrue(seen.header("User-Agent").startsWith("vinyl-detective/"), seen.header("User-Agent"));
    }

    @Test
    void aPluginsOwnUserAgentWins() {
        gateway.send(HttpCall.get(server.uri("/")).withHeader("user-agent", "VinylDetectiveDiscogs/1.0"));

        assertEquals("VinylDetectiveDiscogs/1.0", server.seen().get(0).header("User-Agent"));
    }

    @Test
    void aHeaderThatCannotBeSentIsRefusedWithoutQuotingItsValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> gateway.send(HttpCall.get(server.uri("/x")).withHeader("Authorization", "tok\nSECRET")));

        assertTrue(e.getMessage().contains("header Authorization"), e.getMessage());
        assertFalse(e.getMessage().contains("SECRET"), e.getMessage());
        assertEquals(0, server.hits());
    }

    @Test
    void postSendsTheBodyBytesAndIsNeverCached() {
        byte[] body = {0, 1, 2, (byte) 0xff, '{', '}'};
        HttpCall post = HttpCall.post(server.uri("/sendMessage"), "application/octet-stream", body)
                .withCacheFor(Duration.ofMinutes(5));

        HttpReply first = gateway.send(post);
        HttpReply second = gateway.send(post);

        assertFalse(first.fromCache());
        assertFalse(second.fromCache());
        assertEquals(2, server.hits());
        Seen seen = server.seen().get(0);
        assertEquals("POST", seen.method());
        assertArrayEquals(body, seen.body());
        assertEquals("application/octet-stream", seen.header("Content-Type"));
    }

    @Test
    void clientErrorsAreReturnedAsValuesAtOnce() {
        server.then(Answer.of(404, "no such release"));

        HttpReply reply = gateway.send(HttpCall.get(server.uri("/releases/0")));

        assertEquals(404, reply.status());
        assertEquals("no such release", reply.text());
        assertEquals(1, server.hits());
        assertTrue(sleeps.isEmpty());
    }

    @Test
    void redirectsAreReturnedNotFollowed() {
        server.then(Answer.of(302, "").withHeader("Location", "http://elsewhere.invalid/"));

        HttpReply reply = gateway.send(HttpCall.get(server.uri("/moved")).withHeader("Authorization", "token"));

        assertEquals(302, reply.status());
        assertEquals("http://elsewhere.invalid/", reply.header("location").orElseThrow());
        assertEquals(1, server.hits());
    }

    @Test
    void serverErrorsAreRetriedUntilAnAnswerComes() {
        server.then(Answer.of(500, "oops"), Answer.of(502, "oops"), Answer.of(200, "finally"));

        HttpReply reply = gateway.send(HttpCall.get(server.uri("/flaky")).withMaxAttempts(3));

        assertEquals(200, reply.status());
        assertEquals("finally", reply.text());
        assertEquals(3, server.hits());
        assertEquals(2, sleeps.size());
        assertTrue(sleeps.stream().allMatch(d -> d.compareTo(FAST.backoffMax()) <= 0), sleeps.toString());
    }

    @Test
    void givingUpThrowsRetryLaterThatNamesNoSecret() {
        server.otherwise(Answer.of(500, "secret body TOPBODY"));
        Logger logger = (Logger) LoggerFactory.getLogger(EngineHttpGateway.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        Level level = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        try {
            PluginException.RetryLater e = assertThrows(PluginException.RetryLater.class,
                    () -> gateway.send(HttpCall.get(server.uri("/database/search?token=QUERYSECRET"))
                            .withHeader("Authorization", "Bearer HEADERSECRET").withMaxAttempts(3)));

            assertEquals(3, server.hits());
            assertTrue(e.getMessage().contains("GET 127.0.0.1:"), e.getMessage());
            assertTrue(e.getMessage().contains("/database/search"), e.getMessage());
            assertTrue(e.getMessage().contains("status 500"), e.getMessage());
            assertNull(e.after());
            List<String> texts = new ArrayList<>();
            texts.add(e.getMessage());
            logged.list.forEach(event -> texts.add(event.getFormattedMessage()));
            for (String text : texts) {
                assertFalse(text.contains("QUERYSECRET") || text.contains("HEADERSECRET") || text.contains("TOPBODY"),
                        text);
            }
            assertEquals(3, logged.list.stream().filter(event -> event.getLevel() == Level.DEBUG).count());
            assertEquals(1, logged.list.stream().filter(event -> event.getLevel() == Level.WARN).count());
        } finally {
            logger.detachAppender(logged);
            logger.setLevel(level);
        }
    }

    @Test
    void retryAfterIsHonouredBeforeTheNextAttempt() {
        EngineHttpGateway realTime = gateway(FAST, Sleeper.SYSTEM);
        server.then(Answer.of(429, "slow down").withHeader("Retry-After", "1"), Answer.of(200, "ok"));

        HttpReply reply = realTime.send(HttpCall.get(server.uri("/limited")));

        assertEquals(200, reply.status());
        List<Seen> seen = server.seen();
        assertEquals(2, seen.size());
        long gapMillis = TimeUnit.NANOSECONDS.toMillis(seen.get(1).nanos() - seen.get(0).nanos());
        assertTrue(gapMillis >= 1000, "second attempt after " + gapMillis + " ms");
    }

    @Test
    void a429WithoutRetryAfterWaitsOutTheHostsWindowAndUsesNoAttempt() {
        gateway.limitRate("127.0.0.1", 100, Duration.ofMillis(600));
        server.then(Answer.of(429, "{\"message\": \"You are making requests too quickly.\"}"), Answer.of(200, "ok"));

        HttpReply reply = gateway.send(HttpCall.get(server.uri("/database/search")).withMaxAttempts(1));

        assertEquals(200, reply.status());
        List<Seen> seen = server.seen();
        assertEquals(2, seen.size());
        long gapMillis = TimeUnit.NANOSECONDS.toMillis(seen.get(1).nanos() - seen.get(0).nanos());
        assertTrue(gapMillis >= 550, "second attempt after " + gapMillis + " ms");
        assertTrue(sleeps.isEmpty(), "the host is held, the caller does not sleep: " + sleeps);
    }

    @Test
    void a429HoldsTheWholeHostNotOnlyTheRequestThatGotIt() throws Exception {
        gateway.limitRate("127.0.0.1", 100, Duration.ofMillis(800));
        server.then(Answer.of(429, "too quickly").after(Duration.ofMillis(100)));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<HttpReply> first = pool.submit(() -> gateway.send(HttpCall.get(server.uri("/first"))));
            Thread.sleep(300);
            long sent = System.nanoTime();
            HttpReply other = pool.submit(() -> gateway.send(HttpCall.get(server.uri("/other")))).get(10, TimeUnit.SECONDS);

            assertEquals(200, other.status());
            assertEquals(200, first.get(10, TimeUnit.SECONDS).status());
            long otherArrived = server.seen().stream().filter(x -> x.path().equals("/other")).findFirst().orElseThrow().nanos();
            long waitedMillis = TimeUnit.NANOSECONDS.toMillis(otherArrived - sent);
            assertTrue(waitedMillis >= 450, "a request sent during the hold left after " + waitedMillis + " ms");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a429WithoutRetryAfterOnAnUnlimitedHostIsAFailedAttemptThatBacksOff() {
        server.then(Answer.of(429, "too quickly"), Answer.of(200, "ok"));

        HttpReply reply = gateway.send(HttpCall.get(server.uri("/unlimited")).withMaxAttempts(2));

        assertEquals(200, reply.status());
        assertEquals(1, sleeps.size());
        assertTrue(sleeps.get(0).compareTo(FAST.backoffBase()) <= 0, sleeps.toString());
    }

    @Test
    void a429OnAnUnlimitedHostUsesUpAttemptsAndHandsTheReplyBack() {
        // A daily quota (eBay's 429 with errorId 2001) must reach the plugin, not be retried for ever.
        server.then(Answer.of(429, "{\"errors\":[{\"errorId\":2001}]}"), Answer.of(200, "ok"));

        PluginException.RetryLater e = assertThrows(PluginException.RetryLater.class,
                () -> gateway.send(HttpCall.get(server.uri("/quota")).withMaxAttempts(1)));

        assertEquals(429, e.lastReply().orElseThrow().status());
        assertTrue(e.lastReply().orElseThrow().text().contains("2001"));
    }

    @Test
    void endless429sEndAtTheGatewaysAttemptCeiling() {
        gateway.limitRate("127.0.0.1", 100, Duration.ofMillis(20));
        server.otherwise(Answer.of(429, "too quickly"));

        PluginException.RetryLater e = assertThrows(PluginException.RetryLater.class,
                () -> gateway.send(HttpCall.get(server.uri("/never")).withMaxAttempts(2)));

        assertEquals(FAST.maxAttempts(), server.hits());
        assertTrue(e.getMessage().contains("status 429"), e.getMessage());
    }

    @Test
    void aWindowLongerThanTheRetryAfterCapEndsTheCallWithThatWindow() {
        gateway.limitRate("127.0.0.1", 1000, Duration.ofHours(24));
        server.then(Answer.of(429, "daily quota"));

        PluginException.RetryLater e = assertThrows(PluginException.RetryLater.class,
                () -> gateway.send(HttpCall.get(server.uri("/quota"))));

        assertEquals(Duration.ofHours(24), e.after());
        assertEquals(1, server.hits());
    }

    @Test
    void aRetryAfterBeyondTheCapEndsTheCallWithThatDuration() {
        server.then(Answer.of(503, "maintenance").withHeader("Retry-After", "3600"));

        PluginException.RetryLater e = assertThrows(PluginException.RetryLater.class,
                () -> gateway.send(HttpCall.get(server.uri("/down"))));

        assertEquals(Duration.ofHours(1), e.after());
        assertEquals(1, server.hits());
        assertTrue(sleeps.isEmpty());
    }

    @Test
    void givingUpOnAStatusHandsThePluginTheLastAnswer() {
        server.otherwise(Answer.of(429, "{\"errors\":[{\"errorId\":2001}]}"));

        PluginException.RetryLater e = assertThrows(PluginException.RetryLater.class,
                () -> gateway.send(HttpCall.get(server.uri("/quota")).withMaxAttempts(2)));

        HttpReply last = e.lastReply().orElseThrow();
        assertEquals(429, last.status());
        assertTrue(last.text().contains("2001"), last.text());
    }

    @Test
    void connectionRefusedIsRetriedThenRetryLater() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        PluginException.RetryLater e = assertThrows(PluginException.RetryLater.class,
                () -> gateway.send(HttpCall.get(URI.create("http://127.0.0.1:" + closedPort + "/x?token=s3cr3t"))));

        assertEquals(2, sleeps.size());
        assertTrue(e.lastReply().isEmpty());
        assertTrue(e.getMessage().startsWith("GET 127.0.0.1:" + closedPort + "/x:"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cr3t"), e.getMessage());
    }

    @Test
    void aSlowAnswerTimesOutAndIsRetried() {
        HttpGatewayConfiguration impatient = FAST.withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(200));
        EngineHttpGateway quick = gateway(impatient, recordingSleeper);
        server.otherwise(Answer.of(200, "too late").after(Duration.ofSeconds(5)));

        long start = System.nanoTime();
        PluginException.RetryLater e = assertThrows(PluginException.RetryLater.class,
                () -> quick.send(HttpCall.get(server.uri("/slow")).withMaxAttempts(2)));

        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis < 2000, "took " + millis + " ms");
        assertEquals(2, server.hits());
        assertTrue(e.getMessage().contains("HttpTimeoutException"), e.getMessage());
    }

    @Test
    void aCachedAnswerIsServedUntilItsTtlEnds() throws InterruptedException {
        HttpCall call = HttpCall.get(server.uri("/releases/2?per_page=5")).withCacheFor(Duration.ofMillis(300));

        HttpReply first = gateway.send(call);
        HttpReply second = gateway.send(call);
        Thread.sleep(450);
        HttpReply third = gateway.send(call);

        assertFalse(first.fromCache());
        assertTrue(second.fromCache());
        assertEquals("ok", second.text());
        assertFalse(third.fromCache());
        assertEquals(2, server.hits());
    }

    @Test
    void theCacheKeepsAnswersToDifferentCredentialsApart() {
        HttpCall call = HttpCall.get(server.uri("/me")).withCacheFor(Duration.ofMinutes(1));

        gateway.send(call.withHeader("Authorization", "token A"));
        HttpReply other = gateway.send(call.withHeader("Authorization", "token B"));
        HttpReply again = gateway.send(call.withHeader("Authorization", "token A"));

        assertFalse(other.fromCache());
        assertTrue(again.fromCache());
        assertEquals(2, server.hits());
    }

    @Test
    void errorAnswersAreNotCached() {
        server.then(Answer.of(404, "not yet"), Answer.of(200, "now"));
        HttpCall call = HttpCall.get(server.uri("/soon")).withCacheFor(Duration.ofMinutes(1));

        assertEquals(404, gateway.send(call).status());
        assertEquals(200, gateway.send(call).status());
    }

    @Test
    void aCachedAnswerDoesNotCountAgainstTheRateLimit() {
        gateway.limitRate("127.0.0.1", 1, Duration.ofSeconds(30));
        HttpCall call = HttpCall.get(server.uri("/cached")).withCacheFor(Duration.ofMinutes(1));
        gateway.send(call);

        HttpReply again = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> gateway.send(call));

        assertTrue(again.fromCache());
    }

    @Test
    void theRateLimitHoldsRequestsBack() throws Exception {
        gateway.limitRate("127.0.0.1", 5, Duration.ofSeconds(1));
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            long start = System.nanoTime();
            List<Future<HttpReply>> replies = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                replies.add(pool.submit(() -> gateway.send(HttpCall.get(server.uri("/limited")))));
            }
            for (Future<HttpReply> reply : replies) {
                assertEquals(200, reply.get(10, TimeUnit.SECONDS).status());
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertTrue(millis >= 1000, "10 requests took " + millis + " ms");
            List<Long> arrivals = server.seen().stream().map(Seen::nanos).sorted().toList();
            // The limiter counts when requests leave; allow for their way to the server, which on a
            // loaded machine (a build beside the tests) can hold one back by a hundred milliseconds.
            long tolerance = TimeUnit.MILLISECONDS.toNanos(150);
            for (int i = 0; i + 5 < arrivals.size(); i++) {
                long gap = arrivals.get(i + 5) - arrivals.get(i);
                assertTrue(gap >= TimeUnit.SECONDS.toNanos(1) - tolerance,
                        "6 requests within " + TimeUnit.NANOSECONDS.toMillis(gap) + " ms");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aLiveRequestJumpsTheQueueOfBackgroundOnes() throws Exception {
        gateway.limitRate("127.0.0.1", 1, Duration.ofMillis(250));
        gateway.send(HttpCall.get(server.uri("/first")));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<HttpReply>> replies = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                HttpCall background = HttpCall.get(server.uri("/background" + i)).withUrgency(Urgency.BACKGROUND);
                replies.add(pool.submit(() -> gateway.send(background)));
                awaitWaiting(i);
            }
            HttpCall live = HttpCall.get(server.uri("/live")).withUrgency(Urgency.LIVE);
            replies.add(pool.submit(() -> gateway.send(live)));
            for (Future<HttpReply> reply : replies) {
                reply.get(10, TimeUnit.SECONDS);
            }

            List<String> order = server.seen().stream().map(Seen::path).toList();
            assertEquals(List.of("/first", "/live", "/background1", "/background2", "/background3"), order);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPluginViewSharesTheCache() {
        HttpCall call = HttpCall.get(server.uri("/shared")).withCacheFor(Duration.ofMinutes(1));

        gateway.forPlugin("discogs").send(call);

        assertTrue(gateway.forPlugin("ebay").send(call).fromCache());
        assertEquals(1, server.hits());
    }

    private void awaitWaiting(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (gateway.waiting("127.0.0.1") < expected) {
            assertTrue(System.nanoTime() < deadline, "requests never queued");
            Thread.sleep(2);
        }
    }

}
