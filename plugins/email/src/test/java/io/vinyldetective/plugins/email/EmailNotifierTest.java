package io.vinyldetective.plugins.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.vinyldetective.api.Alert;
import io.vinyldetective.api.ChatAddress;
import io.vinyldetective.api.Delivery;
import io.vinyldetective.api.PluginException;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The notifier against SMTP servers on the loopback: GreenMail for what arrives, a scripted server for refusals. */
class EmailNotifierTest {

    private static final String PASSWORD = "s3cret-Smtp-Pass";
    private static final String TO = "collector@example.com";

    private GreenMail greenMail;

    @BeforeEach
    void start() {
        greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("deals@example.com", "vd-sender", PASSWORD));
        greenMail.start();
    }

    @AfterEach
    void stop() {
        greenMail.stop();
    }

    private static EmailNotifier started(int port, String... more) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("host", "127.0.0.1");
        settings.put("port", String.valueOf(port));
        settings.put("from", "Vinyl Detective <deals@example.com>");
        settings.put("starttls", "false");
        settings.put("timeout", "3s");
        for (int i = 0; i + 1 < more.length; i += 2) {
            settings.put(more[i], more[i + 1]);
        }
        EmailNotifier n = new EmailNotifier();
        n.start(TestContext.of(settings));
        return n;
    }

    private EmailNotifier loggedIn(String password) {
        return started(greenMail.getSmtp().getPort(), "username", "vd-sender", "password", password);
    }

    @Test
    void aDealArrivesAsPlainTextAndHtmlWithTheListingLink() throws Exception {
        EmailNotifier notifier = loggedIn(PASSWORD);
        Delivery delivered = notifier.deliver(Deals.alert(notifier.chatAddress(TO).recipient()));
        assertEquals(Delivery.Status.DELIVERED, delivered.status(), delivered.detail());
        assertTrue(greenMail.waitForIncomingEmail(5000, 1));
        MimeMessage mail = greenMail.getReceivedMessages()[0];
        assertEquals("🔥 62 % below: Björk — Debut", mail.getSubject());
        assertEquals("Vinyl Detective <deals@example.com>", mail.getFrom()[0].toString());
        assertEquals(TO, mail.getRecipients(Message.RecipientType.TO)[0].toString());
        assertTrue(mail.getMessageID().startsWith("<vd-alert-7."), mail.getMessageID());
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertTrue(parts.getContentType().startsWith("multipart/alternative"), parts.getContentType());
        BodyPart text = parts.getBodyPart(0);
        BodyPart html = parts.getBodyPart(1);
        assertTrue(text.isMimeType("text/plain") && html.isMimeType("text/html"));
        String plain = (String) text.getContent();
        assertTrue(plain.contains("Price: 40.00 EUR") && plain.contains("Shipping: 5.50 EUR") && plain.contains("Landed: 45.50 EUR"), plain);
        assertTrue(plain.contains("Reference: 120.00 EUR (Very Good Plus (VG+), discogs:price_suggestion, 7 for sale)"), plain);
        assertTrue(plain.contains("⚠ thin market") && plain.contains(Deals.LINK), plain);
        String page = (String) html.getContent();
        assertTrue(page.contains("<a href=\"" + Deals.LINK.replace("&", "&amp;") + "\">Björk — Debut</a>"), page);
        assertTrue(page.contains("<th align=\"left\">Discount</th><td>62 %</td>"), page);
    }

    @Test
    void theSameAlertAgainIsTheSameMailToAMailClient() throws Exception {
        EmailNotifier notifier = loggedIn(PASSWORD);
        Alert alert = Deals.alert(TO);
        notifier.deliver(alert);
        notifier.deliver(alert);
        assertTrue(greenMail.waitForIncomingEmail(5000, 2));
        MimeMessage[] mails = greenMail.getReceivedMessages();
        assertEquals(mails[0].getMessageID(), mails[1].getMessageID());
        assertFalse(mails[0].getMessageID().equals(notifier.message(new Alert(8, TO, alert.deal()), TO).getMessageID()));
    }

    @Test
    void aRefusedLoginIsRetriedMuchLaterAndNeverShowsThePassword() {
        EmailNotifier notifier = loggedIn("wrong-" + PASSWORD);
        Delivery d = notifier.deliver(Deals.alert(TO));
        assertEquals(Delivery.Status.RETRY_LATER, d.status());
        assertEquals(SmtpFailures.SETTING_PAUSE, d.retryAfter());
        assertTrue(d.detail().contains("refused the login") && d.detail().contains("SMTP_PASSWORD"), d.detail());
        assertFalse(d.detail().contains(PASSWORD), d.detail());
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    @Test
    void anUnknownMailboxIsGoneAndABusyOneIsRetried() throws Exception {
        try (ScriptedSmtp smtp = new ScriptedSmtp()) {
            smtp.answer("RCPT", "550 5.1.1 <" + TO + ">: Recipient address rejected: User unknown in virtual mailbox table");
            Delivery gone = started(smtp.port()).deliver(Deals.alert(TO));
            assertEquals(Delivery.Status.GONE, gone.status());
            assertEquals("the mail server refused the mailbox (550 5.1.1 <mailbox>: Recipient address rejected: User unknown"
                    + " in virtual mailbox table)", gone.detail());
            assertTrue(smtp.commands.stream().anyMatch(c -> c.startsWith("RCPT TO:<" + TO + ">")), smtp.commands.toString());

            smtp.answer("RCPT", "452 4.2.2 Mailbox full");
            Delivery busy = started(smtp.port()).deliver(Deals.alert(TO));
            assertEquals(Delivery.Status.RETRY_LATER, busy.status());
            assertNull(busy.retryAfter());
            assertTrue(busy.detail().contains("452 4.2.2 Mailbox full"), busy.detail());
        }
    }

    @Test
    void aCardTheServerRefusesIsABadItemAndARefusedSenderASetting() throws Exception {
        try (ScriptedSmtp smtp = new ScriptedSmtp()) {
            smtp.answer("DATA-END", "554 5.7.1 Message rejected as spam");
            PluginException.BadItem bad = assertThrows(PluginException.BadItem.class,
                    () -> started(smtp.port()).deliver(Deals.alert(TO)));
            assertTrue(bad.getMessage().contains("554 5.7.1 Message rejected as spam"), bad.getMessage());

            smtp.answer("DATA-END", "250 ok").answer("MAIL", "553 5.7.1 Sender address rejected: not owned by user");
            Delivery sender = started(smtp.port()).deliver(Deals.alert(TO));
            assertEquals(SmtpFailures.SETTING_PAUSE, sender.retryAfter());
            assertTrue(sender.detail().contains("SMTP_FROM"), sender.detail());
        }
    }

    @Test
    void aServerWithoutStarttlsIsRefusedWhenItIsRequired() throws Exception {
        try (ScriptedSmtp smtp = new ScriptedSmtp()) {
            Delivery d = started(smtp.port(), "starttls", "true").deliver(Deals.alert(TO));
            assertEquals(Delivery.Status.RETRY_LATER, d.status());
            assertEquals(SmtpFailures.SETTING_PAUSE, d.retryAfter());
            assertTrue(d.detail().contains("does not offer STARTTLS"), d.detail());
            assertTrue(smtp.commands.stream().noneMatch(c -> c.startsWith("MAIL")), "mail went out in the clear");
        }
    }

    @Test
    void aServerThatIsNotThereIsRetriedWithBackOff() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Delivery d = started(closed).deliver(Deals.alert(TO));
        assertEquals(Delivery.Status.RETRY_LATER, d.status());
        assertNull(d.retryAfter());
        assertEquals("cannot connect to the SMTP server 127.0.0.1:" + closed + " (connection refused)", d.detail());
    }

    @Test
    void chatAddressesAreOneMailboxInAnAllowedDomain() {
        EmailNotifier notifier = started(25);
        ChatAddress a = notifier.chatAddress("<mailto:Collector@EXAMPLE.com>");
        assertEquals("Collector@example.com", a.recipient());
        assertEquals(a.recipient(), a.display());
        assertEquals(List.of(), a.secrets());
        assertEquals(a, notifier.chatAddress(a.recipient()));
        for (String bad : List.of("not an address", "me@localhost", "a@b.com, c@d.com", "Me <me@example.com>", "@example.com")) {
            assertThrows(PluginException.BadItem.class, () -> notifier.chatAddress(bad), bad);
        }
        EmailNotifier narrow = started(25, "allowed-domains", "example.org");
        PluginException.BadItem e = assertThrows(PluginException.BadItem.class, () -> narrow.chatAddress(TO));
        assertEquals("this bot mails addresses at example.org only", e.getMessage());
        assertEquals(Delivery.Status.GONE, narrow.deliver(Deals.alert(TO)).status());
    }

    @Test
    void settingsAreCheckedAtStartWithoutTheNetwork() {
        EmailNotifier n = new EmailNotifier();
        assertEquals("host", assertThrows(PluginException.BadConfiguration.class,
                () -> n.start(TestContext.of(Map.of("from", "deals@example.com")))).key());
        assertEquals("from", assertThrows(PluginException.BadConfiguration.class,
                () -> n.start(TestContext.of(Map.of("host", "smtp.example.com", "from", "not an address")))).key());
        PluginException.BadConfiguration half = assertThrows(PluginException.BadConfiguration.class,
                () -> n.start(TestContext.of(Map.of("host", "smtp.example.com", "from", "deals@example.com", "password", PASSWORD))));
        assertEquals("username", half.key());
        assertFalse(half.getMessage().contains(PASSWORD));
        n.start(TestContext.of(Map.of("host", "smtp.example.com", "from", "deals@example.com")));
        assertEquals("true", EmailNotifier.properties(EmailSettings.from(TestContext.of(Map.of("host", "smtp.example.com",
                "from", "deals@example.com")).config())).getProperty("mail.smtp.starttls.required"), "STARTTLS by default");
    }
}
