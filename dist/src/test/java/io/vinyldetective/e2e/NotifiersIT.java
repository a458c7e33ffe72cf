package io.vinyldetective.e2e;

import static io.vinyldetective.e2e.Scenario.CHAT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vinyldetective.e2e.FakeTelegram.Call;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The installed daemon with the ntfy, discord and email plugins against loopback fakes of the three
 * services (and of eBay, Discogs and Telegram): a chat adds a place of each kind with /notify, one
 * deal reaches all four places once, a SIGKILL and restart repeats nothing anywhere, a webhook Discord
 * says is gone is disabled and the chat told while the rest goes on, and no secret of a place is in
 * the log, in a Telegram message or in the doctor's output.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class NotifiersIT {

    static final Duration POLL = Duration.ofSeconds(3);
    static final String TOPIC = "vinyl-e2e-topic-9f2c";
    static final String WEBHOOK_ID = "1187654321098765432";
    static final String WEBHOOK_TOKEN = "Qw3rTy-uIoP_aSdFgHjKl0123456789zXcVbNm-QwErTyUiOpAsDfGhJkLzXcVbNm012345";
    static final String SMTP_USER = "vd-sender";
    static final String SMTP_PASSWORD = "smtp-Pa55word-e2e-7";
    static final String MAILBOX = "collector@example.com";

    private Path install;
    private Path data;
    private Path work;
    private Path log;
    private FakeEbay ebay;
    private FakeDiscogs discogs;
    private FakeTelegram telegram;
    private FakeNtfy ntfy;
    private FakeDiscord discord;
    private FakeSmtp smtp;
    private Daemon daemon;

    @BeforeAll
    void startTheWorld() throws Exception {
        install = Daemon.installation();
        work = Path.of(System.getProperty("vd.e2e.work", "target/e2e")).toAbsolutePath()
                .resolve("notifiers-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        data = Files.createDirectories(work.resolve("data"));
        log = work.resolve("daemon.log");
        ebay = new FakeEbay(Scenario.EBAY_APP_ID, Scenario.EBAY_CERT_ID);
        ebay.add(Scenario.INITIAL.toArray(FakeEbay.Listing[]::new));
        discogs = Scenario.discogs();
        telegram = new FakeTelegram(Scenario.TELEGRAM_TOKEN, Duration.ofSeconds(2));
        ntfy = new FakeNtfy();
        discord = new FakeDiscord();
        smtp = new FakeSmtp(SMTP_USER, SMTP_PASSWORD);
        System.out.println("NotifiersIT: daemon log at " + log);
        startDaemon();
    }

    private Map<String, String> environment() {
        Map<String, String> env = Scenario.environment(ebay, discogs, telegram, data, "3s");
        env.put("PIPELINE_NOTIFIERS", "telegram,ntfy,discord,email");
        env.put("NTFY_SERVERS", ntfy.baseUrl());
        env.put("DISCORD_BASE_URL", discord.baseUrl());
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", String.valueOf(smtp.port()));
        env.put("SMTP_USERNAME", SMTP_USER);
        env.put("SMTP_PASSWORD", SMTP_PASSWORD);
        env.put("SMTP_FROM", "Vinyl Detective <deals@example.com>");
        env.put("SMTP_STARTTLS", "false");
        return env;
    }

    private void startDaemon() {
        daemon = Daemon.start(install, environment(), log, "run");
        daemon.awaitLog("Ready in", Duration.ofSeconds(30));
        int before = telegram.calls("getUpdates").size();
        await("the bot to poll Telegram", Duration.ofSeconds(15), () -> telegram.calls("getUpdates").size() > before);
    }

    @AfterAll
    void stopTheWorld() throws Exception {
        if (daemon != null) {
            daemon.close();
        }
        for (LoopbackFake fake : new LoopbackFake[] {ebay, discogs, telegram, ntfy, discord}) {
            if (fake != null) {
                fake.close();
            }
        }
        if (smtp != null) {
            smtp.close();
        }
    }

    @Test
    @Order(1)
    void aChatAddsATopicAWebhookAndAMailboxAndBadOnesAreRefused() {
        String none = say("/notify");
        assertTrue(none.startsWith("Your alerts go to this chat only."), none);
        assertTrue(none.contains("/notify ntfy <topic URL") && none.contains("/notify discord <webhook URL")
                && none.contains("/notify email <e-mail address"), none);
        assertTrue(say("/notify ntfy " + ntfy.baseUrl() + "/" + TOPIC).startsWith("Added #1 ntfy " + ntfy.baseUrl() + "/vi****"));
        assertTrue(say("/notify discord " + discord.baseUrl() + "/api/webhooks/" + WEBHOOK_ID + "/" + WEBHOOK_TOKEN)
                .startsWith("Added #2 discord …/webhooks/11…32/****"));
        assertTrue(say("/notify email " + MAILBOX).startsWith("Added #3 email " + MAILBOX));
        assertEquals("There is no notifier 'slack' here; you can add: ntfy, discord, email.", say("/notify slack https://x"));
        assertTrue(say("/notify discord https://evil.example/api/webhooks/1/2").startsWith("That is not a discord address I can use"));
        String list = say("/notify");
        assertTrue(list.contains("#1 ntfy") && list.contains("#2 discord") && list.contains("#3 email " + MAILBOX), list);
    }

    @Test
    @Order(2)
    void oneDealReachesEveryPlaceOnce() {
        assertTrue(say("/add_search " + Scenario.QUERY + " format:vinyl").startsWith("Saved search #1"));
        String title = Scenario.UNDERPRICED.title();
        await("the deal on Telegram, ntfy, Discord and by mail", Duration.ofSeconds(30), () ->
                telegram.alerts(CHAT).size() == 1 && ntfy.published(TOPIC).size() == 1 && discord.executions().size() == 1
                        && smtp.mails().size() == 1);
        assertTrue(ntfy.published(TOPIC).get(0).bodyText().contains("Listing: " + title), ntfy.published(TOPIC).get(0).bodyText());
        assertTrue(ntfy.published(TOPIC).get(0).header("Click").contains("campid=" + Scenario.CAMPAIGN_ID));
        assertTrue(discord.executions().get(0).path().equals(FakeDiscord.WEBHOOKS + WEBHOOK_ID + "/" + WEBHOOK_TOKEN));
        assertTrue(discord.executions().get(0).bodyText().contains(title), discord.executions().get(0).bodyText());
        FakeSmtp.Mail mail = smtp.mails().get(0);
        assertEquals(List.of("<" + MAILBOX + ">"), mail.to());
        assertTrue(quotedPrintable(mail.data()).contains("Listing: " + title), mail.data());
        awaitPolls(2);
        Daemon.sleep(1500);
        assertCounts(1, 1, 1, 1);
    }

    @Test
    @Order(3)
    void afterSigkillAndRestartNothingIsSentAgainAnywhere() throws InterruptedException {
        daemon.kill();
        startDaemon();
        awaitPolls(3);
        Daemon.sleep(2000);
        assertCounts(1, 1, 1, 1);
    }

    @Test
    @Order(4)
    void aWebhookDiscordCallsGoneIsDisabledAndTheChatToldWhileTheRestGoesOn() {
        discord.deleteWebhook();
        ebay.add(Scenario.STEREO_DEAL);
        await("the second deal on Telegram, ntfy and by mail, and Discord's 404", Duration.ofSeconds(45), () ->
                telegram.alerts(CHAT).size() == 2 && ntfy.published(TOPIC).size() == 2 && smtp.mails().size() == 2
                        && discord.executions().size() == 2);
        await("the chat to be told", Duration.ofSeconds(10), () -> telegram.replies(CHAT).stream()
                .anyMatch(c -> c.text().startsWith("Your discord destination #2")));
        Call notice = telegram.replies(CHAT).stream().filter(c -> c.text().startsWith("Your discord destination #2")).findFirst()
                .orElseThrow();
        assertTrue(notice.text().contains("unknown webhook (404)") && notice.text().contains("your searches go on"), notice.text());
        String list = say("/notify");
        assertTrue(list.contains("#2 discord …/webhooks/11…32/**** — disabled: Discord: unknown webhook (404)"), list);
        assertTrue(say("/my_searches").contains("active"), "the chat's searches go on");
        ebay.add(Scenario.PAUSED_DEAL);
        await("a third deal", Duration.ofSeconds(30), () -> ntfy.published(TOPIC).size() == 3 && smtp.mails().size() == 3);
        Daemon.sleep(1500);
        assertEquals(2, discord.executions().size(), "a disabled webhook got another card");
    }

    @Test
    @Order(5)
    void noSecretOfAPlaceIsInTheLogInATelegramMessageOrInTheDoctorsOutput() throws Exception {
        List<String> secrets = List.of(TOPIC, WEBHOOK_TOKEN, SMTP_PASSWORD);
        String journal = daemon.log();
        assertTrue(journal.contains(" - Poll"), "the log is empty");
        for (String secret : secrets) {
            assertFalse(journal.contains(secret), "a secret is in the daemon's log (see " + log + "): …"
                    + secret.substring(secret.length() - 4));
        }
        for (Call call : telegram.calls("sendMessage")) {
            for (String secret : secrets) {
                assertFalse(call.text() != null && call.text().contains(secret), "a Telegram message shows a secret: " + call.text());
            }
        }
        Path doctorLog = work.resolve("doctor.log");
        Daemon.run(install, environment(), doctorLog, Duration.ofSeconds(60), "doctor", "--offline");
        String doctor = Files.readString(doctorLog, StandardCharsets.UTF_8);
        assertTrue(doctor.replaceAll("\\s+", " ").contains("chat destinations 2 active (discord 0, email 1, ntfy 1), 1 disabled"),
                doctor);
        assertTrue(doctor.matches("(?s).*SMTP_PASSWORD +set\\b.*") && doctor.matches("(?s).*SMTP_HOST +127\\.0\\.0\\.1.*"), doctor);
        for (String secret : secrets) {
            assertFalse(doctor.contains(secret), "the doctor shows a secret: " + doctor);
        }
        assertEquals(List.of(), smtp.refusedLogins());
    }

    @Test
    @Order(6)
    void sigtermExitsZero() throws InterruptedException {
        assertEquals(0, daemon.terminate(Duration.ofSeconds(10)).orElse(-1), daemon.tail());
    }

    // ---- helpers ----

    private void assertCounts(int telegramAlerts, int ntfyMessages, int discordPosts, int mails) {
        assertEquals(telegramAlerts, telegram.alerts(CHAT).size(), "Telegram alerts");
        assertEquals(ntfyMessages, ntfy.published(TOPIC).size(), "ntfy messages");
        assertEquals(discordPosts, discord.executions().size(), "Discord posts");
        assertEquals(mails, smtp.mails().size(), "mails");
    }

    private String say(String text) {
        int before = telegram.replies(CHAT).size();
        telegram.userSays(CHAT, text);
        await("an answer to '" + text + "'", Duration.ofSeconds(10), () -> telegram.replies(CHAT).size() > before);
        return telegram.replies(CHAT).get(before).text();
    }

    private void awaitPolls(int polls) {
        int target = ebay.searches().size() + polls;
        await(polls + " more eBay searches", POLL.multipliedBy(polls + 3), () -> ebay.searches().size() >= target);
    }

    private void await(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + limit.toSeconds() + " s for " + what + "; Telegram alerts "
                        + telegram.alerts(CHAT).size() + ", ntfy " + ntfy.published(TOPIC).size() + ", Discord "
                        + discord.executions().size() + ", mails " + smtp.mails().size() + "\ndaemon log (" + log + "):\n"
                        + daemon.tail());
            }
            Daemon.sleep(50);
        }
    }

    /** A mail's quoted-printable text decoded (soft line breaks joined, =XX bytes restored). */
    private static String quotedPrintable(String text) {
        String joined = text.replace("=\n", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = joined.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '=' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
                out.write(Integer.parseInt(new String(bytes, i + 1, 2, StandardCharsets.US_ASCII), 16));
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'A' && b <= 'F');
    }
}
