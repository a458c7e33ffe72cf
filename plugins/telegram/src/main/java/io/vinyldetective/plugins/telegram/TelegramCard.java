package io.vinyldetective.plugins.telegram;

import io.vinyldetective.api.Alert;
import io.vinyldetective.api.AlertButtons;
import io.vinyldetective.api.AuctionText;
import io.vinyldetective.api.Deal;
import io.vinyldetective.api.Listing;
import io.vinyldetective.api.Money;
import io.vinyldetective.api.PriceQuote;
import io.vinyldetective.api.Release;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.commons.text.StringEscapeUtils;
import org.apache.commons.text.translate.CharSequenceTranslator;
import org.apache.commons.text.translate.LookupTranslator;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * A deal as a Telegram card in HTML parse mode, and its buttons. Every value that comes from a
 * seller, a catalog or a search is shortened first and then escaped, so no text can open a tag or
 * cut an entity in half. Telegram accepts only four named entities, so the escaper is exactly those
 * (commons-text's {@code escapeHtml4} would write {@code &eacute;}, which Telegram refuses).
 */
final class TelegramCard {

    /** Telegram's limit for a photo caption. */
    static final int CAPTION_LIMIT = 1024;
    /** The longest a single value (title, reason) may be on a card, before escaping. */
    static final int VALUE_LIMIT = 150;

    private static final CharSequenceTranslator TELEGRAM_HTML = new LookupTranslator(Map.of(
            "&", "&amp;", "<", "&lt;", ">", "&gt;", "\"", "&quot;"));

    private TelegramCard() {
    }

    /** Escapes a value for Telegram's HTML parse mode after cutting it to {@link #VALUE_LIMIT} characters. */
    static String escape(String value) {
        if (value == null) {
            return "";
        }
        String clean = value.replaceAll("\\p{Cntrl}", " ").strip();
        if (clean.length() > VALUE_LIMIT) {
            int cut = Character.isHighSurrogate(clean.charAt(VALUE_LIMIT - 2)) ? VALUE_LIMIT - 2 : VALUE_LIMIT - 1;
            clean = clean.substring(0, cut) + "…";
        }
        return StringEscapeUtils.builder(TELEGRAM_HTML).escape(clean).toString();
    }

    /** The card as of {@code now} (an auction's time left counts from it). */
    static String render(Deal deal, Instant now) {
        Listing listing = deal.listing();
        Release release = deal.release();
        PriceQuote reference = deal.reference();
        List<String> lines = new ArrayList<>();
        lines.add((deal.priority() == Deal.Priority.HIGH ? "🔥 " : "") + "<b>"
                + Math.round(deal.discount() * 100) + " % below the reference</b>");
        lines.add("<b>" + escape(release.artistLine()) + " — " + escape(release.title()) + "</b>");
        StringJoiner about = new StringJoiner(" · ");
        if (release.formatDescription() != null) {
            about.add(escape(release.formatDescription()));
        } else if (release.format() != null) {
            about.add(release.format().displayName());
        }
        release.labels().stream().findFirst().ifPresent(l -> about.add(escape(l.label()
                + (l.catalogNumber() == null ? "" : " " + l.catalogNumber()))));
        StringJoiner place = new StringJoiner(" ");
        if (release.country() != null) {
            place.add(escape(release.country()));
        }
        if (release.year() != null) {
            place.add(release.year().toString());
        }
        if (place.length() > 0) {
            about.add(place.toString());
        }
        if (about.length() > 0) {
            lines.add(about.toString());
        }
        lines.add("");
        String price = "eBay: " + money(listing.price())
                + (listing.shipping() == null ? " + shipping unknown" : " + " + money(listing.shipping()) + " shipping")
                + " = <b>" + money(deal.landedCost()) + "</b>";
        lines.add(price);
        AuctionText.of(listing, now).ifPresent(line -> lines.add("⏳ <b>" + escape(line) + "</b>"));
        StringJoiner ref = new StringJoiner(", ", " (", ")");
        if (reference.grade() != null) {
            ref.add(escape(reference.grade().discogsName()));
        }
        ref.add(escape(reference.source()));
        if (reference.forSale() != null) {
            ref.add(reference.forSale() + " for sale");
        }
        lines.add("Reference: " + money(reference.price()) + ref);
        String reasons = deal.match().reasons().isEmpty() ? ""
                : " — " + escape(String.join("; ", deal.match().reasons()));
        lines.add("Match: " + escape(deal.match().method())
                + String.format(Locale.ROOT, " (%.0f %%)", deal.match().confidence() * 100) + reasons);
        StringJoiner item = new StringJoiner(" · ");
        if (listing.condition() != null) {
            item.add("Condition: " + escape(listing.condition()));
        }
        if (listing.seller() != null && listing.seller().username() != null) {
            Listing.Seller s = listing.seller();
            StringBuilder seller = new StringBuilder("Seller: ").append(escape(s.username()));
            StringJoiner fb = new StringJoiner(", ", " (", ")").setEmptyValue("");
            if (s.feedbackScore() != null) {
                fb.add(s.feedbackScore().toString());
            }
            if (s.feedbackPercent() != null) {
                fb.add(String.format(Locale.ROOT, "%.1f %%", s.feedbackPercent()));
            }
            item.add(seller.append(fb).toString());
        }
        if (item.length() > 0) {
            lines.add(item.toString());
        }
        for (String flag : deal.flags()) {
            lines.add("⚠ " + escape(flag));
        }
        lines.add("Listing: <i>" + escape(listing.title()) + "</i>");
        return String.join("\n", lines);
    }

    private static String money(Money m) {
        return m == null ? "?" : m.amount().setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + escape(m.currency());
    }

    /** One button that opens the listing (when it has a web address), then 'wrong match' and 'mute this release'. */
    static InlineKeyboardMarkup keyboard(Alert alert) {
        Deal deal = alert.deal();
        List<InlineKeyboardRow> rows = new ArrayList<>();
        String url = deal.listing().webUrl();
        if (url != null && (url.startsWith("https://") || url.startsWith("http://"))) {
            rows.add(new InlineKeyboardRow(InlineKeyboardButton.builder().text("Open on eBay").url(url).build()));
        }
        InlineKeyboardRow feedback = new InlineKeyboardRow();
        AlertButtons.wrongMatch(deal.release().id(), deal.listing().id()).ifPresent(data ->
                feedback.add(InlineKeyboardButton.builder().text("Wrong match").callbackData(data).build()));
        feedback.add(InlineKeyboardButton.builder().text("Mute this release")
                .callbackData(AlertButtons.mute(deal.release().id())).build());
        rows.add(feedback);
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
    }
}
