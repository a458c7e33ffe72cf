package io.vinyldetective.engine.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vinyldetective.api.Alert;
import io.vinyldetective.api.Catalog;
import io.vinyldetective.api.Deal;
import io.vinyldetective.api.Delivery;
import io.vinyldetective.api.HttpGateway;
import io.vinyldetective.api.PluginStore;
import io.vinyldetective.api.Listing;
import io.vinyldetective.api.MatchResult;
import io.vinyldetective.api.Money;
import io.vinyldetective.api.Notifier;
import io.vinyldetective.api.PluginException;
import io.vinyldetective.api.PriceOracle;
import io.vinyldetective.api.PriceQuote;
import io.vinyldetective.api.Release;
import io.vinyldetective.api.Urgency;
import io.vinyldetective.engine.MutableClock;
import io.vinyldetective.engine.logging.SecretMasker;
import io.vinyldetective.engine.plugins.PluginHost;
import io.vinyldetective.engine.plugins.PluginJarBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineAssemblerTest {

    @TempDir
    Path plugins;

    private final Map<String, Map<String, String>> settings = new HashMap<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private PluginHost host;

    @BeforeEach
    void buildPlugins() throws Exception {
        PluginJarBuilder.greeterNotifier("greeter").buildInto(plugins);
        PluginJarBuilder.greeterNotifier("future").requires("^2.0.0").buildInto(plugins);
        Files.writeString(plugins.resolve("broken.jar"), "garbage");
        host = new PluginHost(plugins);
    }

    @AfterEach
    void close() {
        host.close();
    }

    private PipelineAssembler assembler() {
        return new PipelineAssembler(host, new PluginServices() {
            @Override
            public Map<String, String> rawSettings(String pluginId) {
                return settings.getOrDefault(pluginId, Map.of());
            }

            @Override
            public HttpGateway http(String pluginId) {
                return null;
            }

            @Override
            public Catalog catalog() {
                return marker("plain");
            }

            @Override
            public Catalog readThrough(PriceOracle oracle) {
                return marker("read-through " + oracle.prices(1, "EUR", Urgency.LOOKUP).size());
            }

            @Override
            public Clock clock() {
                return clock;
            }

            @Override
            public PluginStore store(String pluginId) {
                return PluginStore.inMemory();
            }
        });
    }

    private static Catalog marker(String name) {
        return (Catalog) java.lang.reflect.Proxy.newProxyInstance(Catalog.class.getClassLoader(), new Class<?>[] {Catalog.class},
                (proxy, method, args) -> method.getName().equals("toString") ? name : null);
    }

    /** A tier whose method name says which catalog it was given, and an oracle that knows nothing. */
    private void buildTierAndOracle() throws Exception {
        PluginJarBuilder.plugin("echo-tier").source("test.echo.EchoTier", """
                package test.echo;

                import io.vinyldetective.api.*;
                import java.util.Optional;

                public class EchoTier implements MatcherTier {
                    private String seen;

                    public void start(PluginContext context) {
                        seen = String.valueOf(context.catalog());
                    }

                    public String method() {
                        return seen;
                    }

                    public Optional<MatchResult> match(Listing listing) {
                        return Optional.empty();
                    }
                }
                """, true).buildInto(plugins);
        PluginJarBuilder.plugin("null-oracle").source("test.oracle.NullOracle", """
                package test.oracle;

                import io.vinyldetective.api.*;
                import java.util.List;

                public class NullOracle implements PriceOracle {
                    public void start(PluginContext context) {
                    }

                    public List<PriceQuote> prices(long releaseId, String currency, Urgency urgency) {
                        return List.of();
                    }
                }
                """, true).buildInto(plugins);
    }

    @Test
    void withAnOracleTheDaemonsTiersReadThroughItAndOfflineMatchingLeavesItOut() throws Exception {
        buildTierAndOracle();
        // greeter lacks its required setting: matching alone must not even start notifiers.
        PipelineSettings configured = new PipelineSettings(List.of(), "null-oracle", List.of("echo-tier"), List.of("greeter"));
        settings.put("greeter", Map.of("greeting", "hello"));
        try (Pipeline daemon = assembler().assemble(configured)) {
            assertEquals("null-oracle", daemon.oracle().orElseThrow().pluginId());
            assertEquals("read-through 0", daemon.matchers().get(0).extension().method());
        }
        settings.clear();
        try (Pipeline offline = assembler().assembleMatchers(configured, false)) {
            assertTrue(offline.oracle().isEmpty());
            assertTrue(offline.notifiers().isEmpty() && offline.sources().isEmpty());
            assertEquals("plain", offline.matchers().get(0).extension().method());
        }
        try (Pipeline online = assembler().assembleMatchers(configured, true)) {
            assertEquals("read-through 0", online.matchers().get(0).extension().method());
        }
        PipelineSettings noOracle = new PipelineSettings(List.of(), "", List.of("echo-tier"), List.of());
        try (Pipeline online = assembler().assembleMatchers(noOracle, true)) {
            assertEquals("plain", online.matchers().get(0).extension().method());
        }
    }

    private static PipelineSettings notifiers(String... ids) {
        return new PipelineSettings(List.of(), "", List.of(), List.of(ids));
    }

    @Test
    void assemblesTheConfiguredNotifierWithItsSettings() {
        settings.put("greeter", Map.of("greeting", "hello"));

        try (Pipeline pipeline = assembler().assemble(notifiers("greeter"))) {
            assertEquals(1, pipeline.notifiers().size());
            assertEquals("greeter", pipeline.notifiers().get(0).pluginId());
            assertEquals(Delivery.Status.DELIVERED, pipeline.notifiers().get(0).extension().deliver(alert("chat-1")).status());
            assertTrue(pipeline.describe().contains("notifiers=[greeter]"), pipeline.describe());
        }
    }

    @Test
    void aNotifierPluginThatIsAlsoAChatChannelBringsItsChannelWithTheSameSettings() throws Exception {
        PluginJarBuilder.plugin("chatty").source("test.chatty.ChattyNotifier", """
                package test.chatty;

                import io.vinyldetective.api.*;
                import java.util.List;

                public class ChattyNotifier implements Notifier {
                    public List<ConfigKey> configKeys() {
                        return List.of(ConfigKey.secret("token", "The token."));
                    }

                    public void start(PluginContext context) {
                    }

                    public Delivery deliver(Alert alert) {
                        return Delivery.delivered();
                    }
                }
                """, true).source("test.chatty.ChattyChannel", """
                package test.chatty;

                import io.vinyldetective.api.*;
                import java.util.List;

                public class ChattyChannel implements ChatChannel {
                    private String token;

                    public List<ConfigKey> configKeys() {
                        return List.of(ConfigKey.secret("token", "The token."));
                    }

                    public void start(PluginContext context) {
                        token = context.config().string("token");
                    }

                    public void open(ChatHandler handler) {
                        handler.onMessage(new ChatMessage("42", token));
                    }
                }
                """, true).buildInto(plugins);
        host.close();
        host = new PluginHost(plugins);
        settings.put("chatty", Map.of("token", "123:abc"));
        settings.put("greeter", Map.of("greeting", "hello"));
        try (Pipeline pipeline = assembler().assemble(notifiers("greeter", "chatty"))) {
            assertEquals(List.of("chatty"), pipeline.channels().stream().map(Stage::pluginId).toList());
            java.util.List<io.vinyldetective.api.ChatMessage> seen = new java.util.ArrayList<>();
            pipeline.channels().get(0).extension().open(new io.vinyldetective.api.ChatHandler() {
                public List<io.vinyldetective.api.ChatCommand> commands() {
                    return List.of();
                }

                public List<io.vinyldetective.api.ChatReply> onMessage(io.vinyldetective.api.ChatMessage m) {
                    seen.add(m);
                    return List.of();
                }

                public List<io.vinyldetective.api.ChatReply> onButton(io.vinyldetective.api.ChatButton b) {
                    return List.of();
                }
            });
            assertEquals(List.of(new io.vinyldetective.api.ChatMessage("42", "123:abc")), seen);
            assertTrue(pipeline.describe().endsWith("channels=[chatty]"), pipeline.describe());
        }
        try (Pipeline matchersOnly = assembler().assembleMatchers(notifiers("chatty"), false)) {
            assertTrue(matchersOnly.channels().isEmpty());
        }
    }

    @Test
    void aMissingPluginStopsStartUpNamingPluginAndSlot() {
        PipelineException e = assertThrows(PipelineException.class, () -> assembler().assemble(notifiers("telegram")));
        assertTrue(e.getMessage().contains("'telegram' named in pipeline.notifiers"), e.getMessage());
        assertTrue(e.getMessage().contains("installed: greeter"), e.getMessage());
    }

    @Test
    void aRefusedPluginStopsStartUpWithTheReason() {
        PipelineException e = assertThrows(PipelineException.class, () -> assembler().assemble(notifiers("future")));
        assertTrue(e.getMessage().contains("'future'"), e.getMessage());
        assertTrue(e.getMessage().contains("built for plugin API ^2.0.0"), e.getMessage());
    }

    @Test
    void aPluginInTheWrongSlotIsNamed() {
        PipelineException e = assertThrows(PipelineException.class,
                () -> assembler().assemble(new PipelineSettings(List.of("greeter"), "", List.of(), List.of())));
        assertTrue(e.getMessage().contains("provides no ListingSource (it provides: Notifier)"), e.getMessage());
    }

    @Test
    void aMissingRequiredSettingNamesTheKeyAndTheVariableThatSetsIt() {
        PipelineException e = assertThrows(PipelineException.class, () -> assembler().assemble(notifiers("greeter")));
        assertTrue(e.getMessage().startsWith("PLUGINS_GREETER_GREETING is not set: the greeter plugin needs"
                + " plugins.greeter.greeting (What to say)."), e.getMessage());
    }

    /** A notifier plugin with the telegram plugin's id and token; a token "refuse-..." is refused at start, quoted. */
    private void buildTelegramLookalike() throws Exception {
        PluginJarBuilder.plugin("telegram").source("test.tg.BotNotifier", """
                package test.tg;

                import io.vinyldetective.api.*;
                import java.util.List;

                public class BotNotifier implements Notifier {
                    public List<ConfigKey> configKeys() {
                        return List.of(ConfigKey.secret("token", "The bot token."));
                    }

                    public void start(PluginContext context) {
                        String token = context.config().string("token");
                        if (token.startsWith("refuse-")) {
                            throw new PluginException.BadConfiguration("token", "token " + token + " was refused");
                        }
                    }

                    public Delivery deliver(Alert alert) {
                        return Delivery.delivered();
                    }
                }
                """, true).buildInto(plugins);
        host.close();
        host = new PluginHost(plugins);
    }

    @Test
    void aMissingSecretOfTheOperatingContractNamesItsEnvironmentVariable() throws Exception {
        buildTelegramLookalike();
        PipelineException e = assertThrows(PipelineException.class, () -> assembler().assemble(notifiers("telegram")));
        assertEquals("TELEGRAM_TOKEN is not set: the telegram plugin needs a bot token (from @BotFather). Set it in"
                + " /opt/vinyl-detective/.env or the environment.", e.getMessage());
    }

    @Test
    void aBadSecretNamesTheVariableAndTheKeyButNeverTheValue() throws Exception {
        buildTelegramLookalike();
        settings.put("telegram", Map.of("token", "refuse-0123456789-abcdef"));
        PipelineException e = assertThrows(PipelineException.class, () -> assembler().assemble(notifiers("telegram")));
        assertEquals("Plugin 'telegram': bad setting plugins.telegram.token (TELEGRAM_TOKEN): token **** was refused",
                e.getMessage());
    }

    @Test
    void anUnknownSettingNamesTheKey() {
        settings.put("greeter", Map.of("greeting", "hi", "greting", "typo"));
        PipelineException e = assertThrows(PipelineException.class, () -> assembler().assemble(notifiers("greeter")));
        assertTrue(e.getMessage().contains("plugins.greeter.greting"), e.getMessage());
    }

    @Test
    void aSettingThePluginRejectsAtStartNamesTheKey() {
        settings.put("greeter", Map.of("greeting", "bad"));
        PipelineException e = assertThrows(PipelineException.class, () -> assembler().assemble(notifiers("greeter")));
        assertTrue(e.getMessage().contains("plugins.greeter.greeting"), e.getMessage());
        assertTrue(e.getMessage().contains("must not be bad"), e.getMessage());
    }

    @Test
    void secretSettingsAreRegisteredForMasking() {
        settings.put("greeter", Map.of("greeting", "hi", "token", "s3cr3t-token-value"));
        try (Pipeline ignored = assembler().assemble(notifiers("greeter"))) {
            assertEquals("token=****", SecretMasker.mask("token=s3cr3t-token-value"));
        }
    }

    @Test
    void aPluginThatFailsLaterIsIsolatedAndPausedAfterRepeatedFailures() {
        settings.put("greeter", Map.of("greeting", "hello"));
        try (Pipeline pipeline = assembler().assemble(notifiers("greeter"))) {
            Notifier notifier = pipeline.notifiers().get(0).extension();

            for (int i = 0; i < 3; i++) {
                PluginFailure failure = assertThrows(PluginFailure.class, () -> notifier.deliver(alert("boom")));
                assertEquals("greeter", failure.pluginId());
                assertTrue(failure.getMessage().contains("bug in the plugin"), failure.getMessage());
            }
            PluginException.RetryLater paused = assertThrows(PluginException.RetryLater.class,
                    () -> notifier.deliver(alert("chat-1")));
            assertEquals(Duration.ofMinutes(1), paused.after());

            clock.advance(Duration.ofMinutes(2));
            assertEquals(Delivery.Status.DELIVERED, notifier.deliver(alert("chat-1")).status());
        }
    }

    private static Alert alert(String recipient) {
        Listing listing = Listing.forMatching("l1", "A record", Money.of("10", "USD"), null, null, Map.of());
        Release release = new Release(1, "A record", List.of("Someone"), List.of(), List.of(), null, null, null, null, null);
        PriceQuote quote = new PriceQuote(1, Money.of("30", "USD"), null, "test", 5, Instant.EPOCH);
        Deal deal = new Deal(listing, release, new MatchResult(List.of(1L), "test", 1.0, List.of()), quote,
                Money.of("10", "USD"), 0.66, Deal.Priority.HIGH, List.of());
        return new Alert(1, recipient, deal);
    }

}
