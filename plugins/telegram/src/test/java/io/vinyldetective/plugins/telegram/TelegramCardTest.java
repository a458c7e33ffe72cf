package io.vinyldetective.plugins.telegram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vinyldetective.api.Alert;
import io.vinyldetective.api.AlertButtons;
import io.vinyldetective.api.Deal;
import io.vinyldetective.api.Listing;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

class TelegramCardTest {

    private static final Pattern TAG = Pattern.compile("</?([a-z]+)>");

    @Test
    void anAuctionCardSaysTheCurrentBidAndTheTimeLeftAsOfDelivery() {
        Deal fixed = Deals.alert("1", null).deal();
        Listing l = fixed.listing();
        Instant ends = Instant.parse("2026-11-25T10:28:00Z");
        Listing auction = new Listing(l.id(), l.source(), l.title(), l.price(), l.shipping(), l.condition(), l.conditionId(),
                l.format(), l.gtin(), l.aspects(), l.seller(), List.of("AUCTION"), l.price(), l.imageUrl(), l.webUrl(),
                l.createdAt(), ends, 3);
        Deal deal = new Deal(auction, fixed.release(), fixed.match(), fixed.reference(), fixed.landedCost(),
                fixed.discount(), fixed.priority(), fixed.flags());

        String card = TelegramCard.render(deal, ends.minus(Duration.ofMinutes(28)));
        assertTrue(card.contains("\n⏳ <b>Auction: current bid 40.00 EUR (3 bids) · ends in 28 min (10:28 UTC)</b>\n"), card);
        assertTrue(TelegramCard.render(deal, ends.minus(Duration.ofMinutes(95))).contains("ends in 1 h 35 min"));
        assertFalse(TelegramCard.render(fixed, ends).contains("Auction"), "a buy-it-now card has no auction line");
    }

    @Test
    void cardHasEverythingTheIssueAsksFor() {
        String card = TelegramCard.render(Deals.alert("1", null).deal(), Instant.EPOCH);
        assertEquals(String.join("\n",
                "🔥 <b>62 % below the reference</b>",
                "<b>Art Blakey &amp; The Jazz Messengers — Moanin'</b>",
                "Vinyl, LP, Album, Mono · Blue Note BLP 4003 · US 1959",
                "",
                "eBay: 40.00 EUR + 5.50 EUR shipping = <b>45.50 EUR</b>",
                "Reference: 120.00 EUR (Very Good Plus (VG+), discogs:price_suggestion, 7 for sale)",
                "Match: catalog_no (97 %) — catalog number BLP 4003; label Blue Note",
                "Condition: Used · Seller: crate&lt;digger&gt; (1234, 99.8 %)",
                "⚠ seller has &lt;100 ratings &amp; no returns",
                "Listing: <i>ART BLAKEY Moanin' LP BLUE NOTE BLP 4003 mono</i>"), card);
    }

    @Test
    void hostileTitlesAreEscapedAndOnlyOurOwnTagsRemain() {
        String hostile = "<b>FREE</b> & <a href=\"http://evil\">click</a> &amp; </i><script>x</script> \"quoted\"";
        String card = TelegramCard.render(Deals.alert("1", hostile, hostile, null).deal(), Instant.EPOCH);
        Matcher m = TAG.matcher(card);
        while (m.find()) {
            assertTrue(List.of("b", "i").contains(m.group(1)), "unexpected tag " + m.group());
        }
        assertTrue(card.contains("&lt;b&gt;FREE&lt;/b&gt; &amp; &lt;a href=&quot;http://evil&quot;&gt;click&lt;/a&gt; &amp;amp;"), card);
        assertFalse(card.contains("<script>"));
        assertFalse(card.contains("\""), "every double quote is an entity");
        assertBalanced(card);
    }

    @Test
    void veryLongValuesAreCutBeforeEscapingSoNoEntityIsCutInHalf() {
        String title = "&".repeat(5000);
        String card = TelegramCard.render(Deals.alert("1", title, title, null).deal(), Instant.EPOCH);
        assertTrue(card.length() < 4096, "fits one message: " + card.length());
        String escaped = TelegramCard.escape(title);
        assertEquals((TelegramCard.VALUE_LIMIT - 1) * "&amp;".length() + 1, escaped.length());
        assertTrue(escaped.endsWith("&amp;…"));
        assertBalanced(card);
    }

    @Test
    void escapingKeepsAccentsAndEmojiAsTheyAre() {
        assertEquals("Café Tacvba — Ré &lt;3 🎶", TelegramCard.escape("Café Tacvba — Ré <3 🎶"));
        assertEquals("a b", TelegramCard.escape("a\u0000b"));
        assertEquals("", TelegramCard.escape(null));
    }

    @Test
    void keyboardOpensTheListingAndCarriesTheFeedbackButtons() {
        Alert alert = Deals.alert("1", null);
        InlineKeyboardMarkup keyboard = TelegramCard.keyboard(alert);
        assertEquals(2, keyboard.getKeyboard().size());
        assertEquals("Open on eBay", keyboard.getKeyboard().get(0).get(0).getText());
        assertEquals(alert.deal().listing().webUrl(), keyboard.getKeyboard().get(0).get(0).getUrl());
        assertEquals(AlertButtons.wrongMatch(249504, "v1|1234567890|0").orElseThrow(),
                keyboard.getKeyboard().get(1).get(0).getCallbackData());
        assertEquals(AlertButtons.mute(249504), keyboard.getKeyboard().get(1).get(1).getCallbackData());
    }

    private static void assertBalanced(String card) {
        int depth = 0;
        Matcher m = TAG.matcher(card);
        while (m.find()) {
            depth += m.group().startsWith("</") ? -1 : 1;
            assertTrue(depth >= 0 && depth <= 1, "tags nest properly: " + card);
        }
        assertEquals(0, depth);
    }
}
