package io.vinyldetective.plugins.email;

import io.vinyldetective.api.ChatAddress;
import io.vinyldetective.api.PluginException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.List;
import java.util.Locale;

/** Reading a mailbox a subscriber typed: one plain address, its domain in lower case, within the allowed domains. */
final class MailAddress {

    private MailAddress() {
    }

    static ChatAddress parse(String typed, List<String> allowedDomains) {
        String text = typed.strip().replaceAll("^<|>$", "").replaceFirst("(?i)^mailto:", "");
        if (text.isEmpty() || text.contains(" ") || text.length() > 254) {
            throw new PluginException.BadItem("write one e-mail address, like me@example.com");
        }
        InternetAddress address;
        try {
            address = new InternetAddress(text, true);
            address.validate();
        } catch (AddressException e) {
            throw new PluginException.BadItem("that is not an e-mail address; write it like me@example.com");
        }
        String mailbox = address.getAddress();
        int at = mailbox.lastIndexOf('@');
        if (at <= 0 || address.getPersonal() != null || address.isGroup()) {
            throw new PluginException.BadItem("write one e-mail address, like me@example.com");
        }
        String domain = mailbox.substring(at + 1).toLowerCase(Locale.ROOT);
        if (!domain.contains(".") || domain.startsWith(".") || domain.endsWith(".")) {
            throw new PluginException.BadItem("the part after @ must be a mail domain, like example.com");
        }
        if (!allowedDomains.isEmpty() && !allowedDomains.contains(domain)) {
            throw new PluginException.BadItem("this bot mails addresses at " + String.join(", ", allowedDomains) + " only");
        }
        String normalised = mailbox.substring(0, at) + "@" + domain;
        return new ChatAddress(normalised, normalised, List.of());
    }
}
