package io.vinyldetective.plugins.email;

import io.vinyldetective.api.Alert;
import io.vinyldetective.api.ChatAddress;
import io.vinyldetective.api.ConfigKey;
import io.vinyldetective.api.Deal;
import io.vinyldetective.api.Delivery;
import io.vinyldetective.api.Notifier;
import io.vinyldetective.api.PluginContext;
import io.vinyldetective.api.PluginException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.pf4j.Extension;

/**
 * Mails each alert to the address a chat added ({@code /notify email me@example.com}) over SMTP with
 * Jakarta Mail: one connection per alert, STARTTLS required unless configured otherwise (or TLS from
 * the first byte), a login when one is configured, a plain-text and an HTML card
 * ({@link EmailCard}), and a Message-ID made from the outbox id, so a retry of the same alert is the
 * same mail to a mail client. Failures are mapped by {@link SmtpFailures}. SMTP is not HTTP, so this
 * plugin opens its own connections; it never logs the password.
 */
@Extension
public class EmailNotifier implements Notifier {

    private volatile EmailSettings settings;
    private volatile Session session;
    private volatile Clock clock;

    @Override
    public List<ConfigKey> configKeys() {
        return EmailSettings.KEYS;
    }

    @Override
    public void start(PluginContext context) {
        settings = EmailSettings.from(context.config());
        clock = context.clock();
        session = Session.getInstance(properties(settings));
    }

    static Properties properties(EmailSettings s) {
        String protocol = s.ssl() ? "smtps" : "smtp";
        String millis = String.valueOf(s.timeout().toMillis());
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", protocol);
        p.setProperty("mail." + protocol + ".host", s.host());
        p.setProperty("mail." + protocol + ".port", String.valueOf(s.port()));
        p.setProperty("mail." + protocol + ".connectiontimeout", millis);
        p.setProperty("mail." + protocol + ".timeout", millis);
        p.setProperty("mail." + protocol + ".writetimeout", millis);
        p.setProperty("mail." + protocol + ".auth", String.valueOf(s.username() != null));
        p.setProperty("mail." + protocol + ".from", s.from().getAddress());
        if (s.ssl()) {
            p.setProperty("mail.smtps.ssl.checkserveridentity", "true");
        } else if (s.starttls()) {
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.setProperty("mail.smtp.starttls.required", "true");
            p.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        }
        return p;
    }

    @Override
    public Optional<String> chatAddressHint() {
        return Optional.of("e-mail address, e.g. me@example.com");
    }

    @Override
    public ChatAddress chatAddress(String typed) {
        return MailAddress.parse(typed, settings.allowedDomains());
    }

    @Override
    public Delivery deliver(Alert alert) {
        ChatAddress to;
        try {
            to = MailAddress.parse(alert.recipient(), settings.allowedDomains());
        } catch (PluginException.BadItem e) {
            return Delivery.gone("the mailbox is in a domain this bot no longer mails");
        }
        try {
            MimeMessage message = message(alert, to.recipient());
            Transport transport = session.getTransport();
            try {
                transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
                transport.sendMessage(message, message.getAllRecipients());
            } finally {
                transport.close();
            }
            return Delivery.delivered();
        } catch (MessagingException e) {
            return SmtpFailures.delivery(e, settings);
        }
    }

    MimeMessage message(Alert alert, String recipient) throws MessagingException {
        Deal deal = alert.deal();
        String messageId = "<vd-alert-" + alert.id() + "." + Integer.toHexString(recipient.hashCode()) + "@"
                + domainOf(settings.from().getAddress()) + ">";
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(settings.from());
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
        message.setSubject(EmailCard.subject(deal), "UTF-8");
        Instant now = clock.instant();
        message.setSentDate(Date.from(now));
        MimeBodyPart text = new MimeBodyPart();
        text.setText(EmailCard.text(deal, now), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(EmailCard.html(deal, now), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    private static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "vinyl-detective.invalid" : address.substring(at + 1);
    }
}
