package io.vinyldetective.plugins.email;

import io.vinyldetective.api.Delivery;
import io.vinyldetective.api.PluginException;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * What a failed SMTP exchange means for a delivery, in words an owner can act on. The mailbox is
 * the recipient's problem (gone when the server refuses it for good, retry when only for now);
 * the login, the sender, TLS and the connection are the owner's settings or the network (retry,
 * much later when a setting must change); a message the server refuses for good is a bad item.
 * Texts never hold the password, and the server's own words lose any address in angle brackets.
 */
final class SmtpFailures {

    /** The owner has to fix a setting: no point in trying soon. */
    static final Duration SETTING_PAUSE = Duration.ofMinutes(15);

    private SmtpFailures() {
    }

    static Delivery delivery(MessagingException e, EmailSettings settings) {
        String server = settings.host() + ":" + settings.port();
        List<Throwable> chain = chain(e);
        for (Throwable t : chain) {
            if (t instanceof SMTPAddressFailedException refused) {
                String said = said(refused.getReturnCode(), refused.getMessage());
                return refused.getReturnCode() >= 500 ? Delivery.gone("the mail server refused the mailbox (" + said + ")")
                        : Delivery.retryLater(null, "the mail server cannot take mail for the mailbox now (" + said + ")");
            }
        }
        for (Throwable t : chain) {
            if (t instanceof AuthenticationFailedException) {
                return Delivery.retryLater(SETTING_PAUSE, "the SMTP server " + server + " refused the login: check"
                        + " plugins.email.username and password (SMTP_USERNAME, SMTP_PASSWORD)");
            }
            if (t instanceof SMTPSenderFailedException sender) {
                return Delivery.retryLater(SETTING_PAUSE, "the SMTP server refused the sender " + settings.from().getAddress()
                        + " (" + said(sender.getReturnCode(), sender.getMessage()) + "): check plugins.email.from (SMTP_FROM)");
            }
        }
        for (Throwable t : chain) {
            if (t instanceof SMTPSendFailedException refused) {
                String said = said(refused.getReturnCode(), refused.getMessage());
                if (refused.getReturnCode() >= 500) {
                    throw new PluginException.BadItem("the mail server refused the card (" + said + ")");
                }
                return Delivery.retryLater(null, "the mail server cannot take the card now (" + said + ")");
            }
        }
        for (Throwable t : chain) {
            if (t instanceof UnknownHostException) {
                return Delivery.retryLater(null, "the SMTP host " + settings.host() + " is not known (no DNS answer): check"
                        + " plugins.email.host (SMTP_HOST)");
            }
            if (t instanceof ConnectException) {
                return Delivery.retryLater(null, "cannot connect to the SMTP server " + server + " (connection refused)");
            }
            if (t instanceof SocketTimeoutException || t instanceof InterruptedIOException) {
                return Delivery.retryLater(null, "the SMTP server " + server + " did not answer in time");
            }
            if (t instanceof SSLException) {
                return Delivery.retryLater(SETTING_PAUSE, "TLS with the SMTP server " + server + " failed ("
                        + t.getClass().getSimpleName() + "): check plugins.email.ssl and starttls (SMTP_SSL, SMTP_STARTTLS)");
            }
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("STARTTLS")) {
            return Delivery.retryLater(SETTING_PAUSE, "the SMTP server " + server + " does not offer STARTTLS: use its"
                    + " TLS port with SMTP_SSL=true, or SMTP_STARTTLS=false for a server on a trusted network");
        }
        return Delivery.retryLater(null, "SMTP with " + server + " failed: " + e.getClass().getSimpleName()
                + (message.isEmpty() ? "" : ": " + clean(message)));
    }

    /** The server's answer without the addresses it quotes, e.g. {@code 550 5.1.1 user unknown}. */
    private static String said(int code, String text) {
        String clean = clean(text == null ? "" : text);
        return clean.startsWith(String.valueOf(code)) || code <= 0 ? clean : code + " " + clean;
    }

    private static String clean(String text) {
        String one = text.replaceAll("\\s+", " ").replaceAll("<[^<>\\s]*@[^<>\\s]*>", "<mailbox>")
                .replaceAll("[^\\s<>]+@[^\\s<>]+", "<mailbox>").strip();
        return one.length() > 200 ? one.substring(0, 199) + "…" : one;
    }

    private static List<Throwable> chain(Throwable e) {
        List<Throwable> out = new ArrayList<>();
        Throwable t = e;
        while (t != null && !out.contains(t) && out.size() < 10) {
            out.add(t);
            Throwable next = t instanceof MessagingException m && m.getNextException() != null ? m.getNextException() : t.getCause();
            t = next;
        }
        return out;
    }
}
