package io.vinyldetective.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.vinyldetective.engine.http.LoopbackServer;
import io.vinyldetective.engine.http.LoopbackServer.Answer;
import io.vinyldetective.engine.plugins.PluginJarBuilder;
import io.vinyldetective.engine.storage.EngineDatabase;
import io.vinyldetective.engine.storage.StorageSettings;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vinyl-detective doctor} with plugin jars named like the real ones (same settings) and the
 * three services faked on loopback, answering in the shapes recorded in {@code ../shared/api}.
 */
class DoctorCommandTest {

    private static final String APP_ID = "MyApp-PRD-0123456789-abcdef";
    private static final String CERT_ID = "PRD-cert-0123456789abcdef";
    private static final String DISCOGS_TOKEN = "discogsTokenAbCdEf0123456789";
    private static final String TELEGRAM_TOKEN = "123456789:AAEhBOweik6ad9r_QXMENQjcrGbqCr4K-bs";

    // eBay: ebay/ebay_wire_notes.json (oauth_client_credentials).
    private static final String EBAY_TOKEN = "{\"access_token\":\"v^1.1#i^1#p^1#r^0#I^3#f^0#t^H4sI\",\"expires_in\":7200,"
            + "\"token_type\":\"Application Access Token\"}";
    private static final String EBAY_REFUSED = "{\"error\":\"invalid_client\",\"error_description\":\"client authentication failed\"}";
    // Discogs: discogs/discogs_api_dev_docs.md (User Identity) and discogs_wire_notes.json (401).
    private static final String DISCOGS_IDENTITY = "{\"id\":1,\"username\":\"example\",\"resource_url\":"
            + "\"https://api.discogs.com/users/example\",\"consumer_name\":\"Your Application Name\"}";
    private static final String DISCOGS_REFUSED = "{\"message\":\"You must authenticate to access this resource.\"}";
    // Telegram: the bot user as in telegram/telegram_wire_notes.json, in the envelope of api/README.md 3.3.
    private static final String TELEGRAM_ME = "{\"ok\":true,\"result\":{\"id\":2084591315,\"is_bot\":true,"
            + "\"first_name\":\"Roger-logger\",\"username\":\"RogerLoggerBot\"}}";
    private static final String TELEGRAM_REFUSED = "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}";

    @TempDir
    static Path plugins;

    @TempDir
    Path dir;

    private LoopbackServer ebay;
    private LoopbackServer discogs;
    private LoopbackServer telegram;

    @BeforeAll
    static void buildPlugins() throws Exception {
        PluginJarBuilder.plugin("ebay").source("test.ebay.EbaySource", """
                package test.ebay;

                import io.vinyldetective.api.*;
                import java.util.List;
                import java.util.function.Predicate;

                public class EbaySource implements ListingSource {
                    public List<ConfigKey> configKeys() {
                        return List.of(ConfigKey.secret("app-id", "eBay App ID."), ConfigKey.secret("cert-id", "eBay Cert ID."),
                                ConfigKey.optional("base-url", ConfigKey.Type.STRING, "https://api.ebay.com", "API root."),
                                ConfigKey.optional("marketplace", ConfigKey.Type.STRING, "EBAY_US", "Marketplace."),
                                ConfigKey.optional("campaign-id", ConfigKey.Type.STRING, null, "Campaign."));
                    }

                    public void start(PluginContext context) {
                    }

                    public List<Listing> newListings(ListingQuery query, Predicate<String> alreadySeen) {
                        return List.of();
                    }
                }
                """, true).buildInto(plugins);
        PluginJarBuilder.plugin("discogs").source("test.discogs.DiscogsOracle", """
                package test.discogs;

                import io.vinyldetective.api.*;
                import java.util.List;

                public class DiscogsOracle implements PriceOracle {
                    public List<ConfigKey> configKeys() {
                        return List.of(ConfigKey.secret("token", "Discogs personal access token."),
                                ConfigKey.optional("base-url", ConfigKey.Type.STRING, "https://api.discogs.com", "API root."));
                    }

                    public void start(PluginContext context) {
                    }

                    public List<PriceQuote> prices(long releaseId, String currency, Urgency urgency) {
                        return List.of();
                    }
                }
                """, true).buildInto(plugins);
        String telegramKeys = """
                        return List.of(ConfigKey.secret("token", "Bot token."),
                                ConfigKey.optional("base-url", ConfigKey.Type.STRING, "https://api.telegram.org", "API root."));
                """;
        PluginJarBuilder.plugin("telegram").source("test.telegram.TelegramNotifier", """
                package test.telegram;

                import io.vinyldetective.api.*;
                import java.util.List;

                public class TelegramNotifier implements Notifier {
                    public List<ConfigKey> configKeys() {
                %s    }

                    public void start(PluginContext context) {
                    }

                    public Delivery deliver(Alert alert) {
                        return Delivery.delivered();
                    }
                }
                """.formatted(telegramKeys), true).source("test.telegram.TelegramChannel", """
                package test.telegram;

                import io.vinyldetective.api.*;
                import java.util.List;

                public class TelegramChannel implements ChatChannel {
                    public List<ConfigKey> configKeys() {
                %s    }

                    public void start(PluginContext context) {
                    }

                    public void open(ChatHandler handler) {
                        throw new IllegalStateException("the doctor must not open the channel");
                    }
                }
                """.formatted(telegramKeys), true).buildInto(plugins);
    }

    @BeforeEach
    void startFakes() throws Exception {
        ebay = LoopbackServer.start().otherwise(Answer.of(200, EBAY_TOKEN));
        discogs = LoopbackServer.start().otherwise(Answer.of(200, DISCOGS_IDENTITY));
        telegram = LoopbackServer.start().otherwise(Answer.of(200, TELEGRAM_ME));
    }

    @AfterEach
    void stopFakes() {
        ebay.close();
        discogs.close();
        telegram.close();
    }

    private Map<String, Object> settings() {
        Map<String, Object> p = new HashMap<>();
        p.put(StorageSettings.DATA_DIR, dir.resolve("data").toString());
        p.put("vinyl-detective.plugins-dir", plugins.toString());
        p.put("pipeline.sources", "ebay");
        p.put("pipeline.oracle", "discogs");
        p.put("pipeline.matchers", "");
        p.put("pipeline.notifiers", "telegram");
        p.put("vinyl-detective.bot.allowed-chats", "1111111, 2222222");
        p.put("plugins.ebay.app-id", APP_ID);
        p.put("plugins.ebay.cert-id", CERT_ID);
        p.put("plugins.ebay.base-url", ebay.uri("").toString());
        p.put("plugins.discogs.token", DISCOGS_TOKEN);
        p.put("plugins.discogs.base-url", discogs.uri("").toString());
        p.put("plugins.telegram.token", TELEGRAM_TOKEN);
        p.put("plugins.telegram.base-url", telegram.uri("").toString());
        return p;
    }

    private static CommandRun doctor(Map<String, Object> settings, String... args) {
        try (ApplicationContext ctx = ApplicationContext.run(settings)) {
            return CommandRun.execute(ctx, DoctorCommand.class, args);
        }
    }

    /** The output with wrapped lines joined again, so a check can be matched whole. */
    private static String flat(CommandRun r) {
        return r.out().replaceAll("\\n +(?![✓✗!→] )", " ");
    }

    private static void assertNoSecret(String output) {
        for (String secret : List.of(APP_ID, CERT_ID, DISCOGS_TOKEN, TELEGRAM_TOKEN, "AAEhBOweik6ad9r")) {
            assertFalse(output.contains(secret), "a secret in the output: " + output);
        }
        assertFalse(output.contains("\tat ") || output.contains("Exception"), "no stack trace: " + output);
    }

    @Test
    void allGoodAgainstTheFakesExitsZeroAndCallsEachServiceTheWayThePluginsDo() {
        Map<String, Object> settings = settings();
        try (ApplicationContext ctx = ApplicationContext.run(settings)) {
            ctx.getBean(EngineDatabase.class); // creates and migrates the database, as run does
        }
        CommandRun r = doctor(settings);

        assertEquals(0, r.code(), r.out());
        String out = flat(r);
        assertFalse(out.contains("✗"), out);
        assertTrue(out.contains("✓ TELEGRAM_TOKEN          set, for telegram (notifier)"), out);
        assertTrue(out.contains("✓ DISCOGS_TOKEN           set, for discogs (price oracle)"), out);
        assertTrue(out.contains("✓ EBAY_APP_ID             set, for ebay (listing source)"), out);
        assertTrue(out.contains("✓ TELEGRAM_ALLOWED_CHATS  2 chats: 1111111, 2222222"), out);
        assertTrue(out.contains("✓ POLL_INTERVAL           30m"), out);
        assertTrue(out.contains("✓ telegram                1.0.0, Notifier, ChatChannel"), out);
        assertTrue(out.contains("✓ every plugin of the pipeline starts with its settings (chat bot: telegram)"), out);
        assertTrue(out.contains("schema version ") && out.contains(" (current)"), out);
        assertTrue(out.contains("✓ saved searches          none yet"), out);
        assertTrue(out.contains("✓ eBay                    127.0.0.1:" + ebay.uri("").getPort()
                + " accepted the app id and cert id"), out);
        assertTrue(out.contains("✓ Discogs                 the token belongs to example"), out);
        assertTrue(out.contains("✓ Telegram                the token belongs to @RogerLoggerBot"), out);
        assertTrue(out.contains("Nothing stops Vinyl Detective from working"), out);
        assertTrue(r.out().lines().allMatch(l -> l.length() <= 80), "80 columns: " + r.out());
        assertNoSecret(out + r.err());

        LoopbackServer.Seen token = ebay.seen().get(0);
        assertEquals("POST", token.method());
        assertEquals("/identity/v1/oauth2/token", token.path());
        assertEquals("Basic " + Base64.getEncoder().encodeToString((APP_ID + ":" + CERT_ID).getBytes(StandardCharsets.UTF_8)),
                token.header("Authorization"));
        assertEquals("application/x-www-form-urlencoded", token.header("Content-Type"));
        assertEquals("grant_type=client_credentials&scope=https%3A%2F%2Fapi.ebay.com%2Foauth%2Fapi_scope",
                new String(token.body(), StandardCharsets.UTF_8));
        LoopbackServer.Seen identity = discogs.seen().get(0);
        assertEquals("GET /oauth/identity", identity.method() + " " + identity.path());
        assertEquals("Discogs token=" + DISCOGS_TOKEN, identity.header("Authorization"));
        assertTrue(identity.header("User-Agent").startsWith("VinylDetective/"), identity.header("User-Agent"));
        assertEquals("GET /bot" + TELEGRAM_TOKEN + "/getMe", telegram.seen().get(0).method() + " " + telegram.seen().get(0).path());
        assertEquals(List.of(1, 1, 1), List.of(ebay.hits(), discogs.hits(), telegram.hits()));
    }

    @Test
    void aMissingTokenIsAProblemNamingTheVariableAndItsServiceIsNotCalled() {
        Map<String, Object> settings = settings();
        settings.remove("plugins.telegram.token");
        CommandRun r = doctor(settings);

        assertEquals(1, r.code(), r.out());
        assertTrue(flat(r).contains("✗ TELEGRAM_TOKEN          not set, but telegram (notifier) needs it"), r.out());
        assertTrue(flat(r).contains("→ TELEGRAM_TOKEN is a bot token (from @BotFather). Set it in"), r.out());
        assertTrue(flat(r).contains("✗ TELEGRAM_TOKEN is not set: the telegram plugin needs a bot token"), r.out());
        assertTrue(flat(r).contains("! Telegram                not checked: TELEGRAM_TOKEN is not set"), r.out());
        assertEquals(0, telegram.hits());
        assertNoSecret(r.out() + r.err());
    }

    @Test
    void eachServiceRefusingTheCredentialsIsAProblemInPlainWords() {
        ebay.otherwise(Answer.of(401, EBAY_REFUSED));
        discogs.otherwise(Answer.of(401, DISCOGS_REFUSED));
        telegram.otherwise(Answer.of(401, TELEGRAM_REFUSED));
        CommandRun r = doctor(settings());

        assertEquals(1, r.code(), r.out());
        assertTrue(flat(r).contains("✗ eBay                    eBay refused the app id / cert id (HTTP 401: invalid_client)"), r.out());
        assertTrue(flat(r).contains("✗ Discogs                 Discogs refused the token (HTTP 401)"), r.out());
        assertTrue(flat(r).contains("✗ Telegram                Telegram refused the token (HTTP 401)"), r.out());
        assertTrue(flat(r).contains("3 problems"), r.out());
        assertNoSecret(r.out() + r.err());
    }

    @Test
    void aDeadPortIsCannotReachNotAStackTrace() throws Exception {
        int dead;
        try (ServerSocket socket = new ServerSocket(0)) {
            dead = socket.getLocalPort();
        }
        Map<String, Object> settings = settings();
        for (String service : List.of("ebay", "discogs", "telegram")) {
            settings.put("plugins." + service + ".base-url", "http://127.0.0.1:" + dead);
        }
        CommandRun r = doctor(settings);

        assertEquals(1, r.code(), r.out());
        for (String service : List.of("eBay", "Discogs", "Telegram")) {
            assertTrue(flat(r).contains(String.format("✗ %-22s  cannot reach 127.0.0.1:%d: connection refused", service, dead)),
                    r.out());
        }
        assertNoSecret(r.out() + r.err());
    }

    @Test
    void aTokenQuotedBackByAServiceIsMasked() {
        telegram.otherwise(Answer.of(500, "{\"ok\":false,\"error_code\":500,\"description\":\"Internal error for bot"
                + TELEGRAM_TOKEN + "\"}"));
        CommandRun r = doctor(settings());

        assertEquals(1, r.code(), r.out());
        assertTrue(flat(r).contains("✗ Telegram                Telegram answered HTTP 500 (Internal error for bot****)"), r.out());
        assertNoSecret(r.out() + r.err());
    }

    @Test
    void offlineMakesNoCall() {
        CommandRun r = doctor(settings(), "--offline");

        assertEquals(0, r.code(), r.out());
        assertTrue(flat(r).contains("Online checks: skipped (--offline)"), r.out());
        assertEquals(List.of(0, 0, 0), List.of(ebay.hits(), discogs.hits(), telegram.hits()));
    }

    @Test
    void whoMayUseTheBotAndThePollIntervalAreChecked() {
        Map<String, Object> settings = settings();
        settings.put("vinyl-detective.bot.allowed-chats", "");
        settings.put("vinyl-detective.bot.poll-interval", "soon");
        CommandRun r = doctor(settings, "--offline");
        assertEquals(1, r.code(), r.out());
        assertTrue(flat(r).contains("! TELEGRAM_ALLOWED_CHATS  empty: nobody can use the bot"), r.out());
        assertTrue(flat(r).contains("✗ POLL_INTERVAL           'soon' is not a usable interval"), r.out());
        assertTrue(flat(r).contains("is not a duration: write a number and a unit"), r.out());

        settings.put("vinyl-detective.bot.allowed-chats", "*");
        settings.put("vinyl-detective.bot.poll-interval", "2h");
        r = doctor(settings, "--offline");
        assertEquals(0, r.code(), r.out());
        assertTrue(flat(r).contains("! TELEGRAM_ALLOWED_CHATS  *: the bot is open to everyone"), r.out());
        assertTrue(flat(r).contains("✓ POLL_INTERVAL           2h"), r.out());
    }

    @Test
    void aPipelinePluginThatIsNotInstalledIsAProblemAndRefusedJarsAreListed() throws Exception {
        PluginJarBuilder.greeterNotifier("future").requires("^2.0.0").buildInto(dir.resolve("plugins"));
        Map<String, Object> settings = settings();
        settings.put("vinyl-detective.plugins-dir", dir.resolve("plugins").toString());
        CommandRun r = doctor(settings, "--offline");

        assertEquals(1, r.code(), r.out());
        assertTrue(flat(r).contains("! refused: plugin 'future' (future-1.0.0.jar): was built for plugin API ^2.0.0"), r.out());
        assertTrue(flat(r).contains("✗ Plugin 'ebay' named in pipeline.sources is not available"), r.out());
    }
}
