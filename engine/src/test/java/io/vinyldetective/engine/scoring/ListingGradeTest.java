package io.vinyldetective.engine.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vinyldetective.api.Grade;
import io.vinyldetective.api.Listing;
import io.vinyldetective.api.Money;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListingGradeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "-", textBlock = """
            Pink Floyd - Dark Side Of The Moon LP 1973 Harvest NM              | NEAR_MINT
            Miles Davis Kind Of Blue LP M- Columbia 6-eye                      | NEAR_MINT
            Prince Purple Rain LP NEAR MINT                                    | NEAR_MINT
            Bjork Post LP mint- never played                                   | NEAR_MINT
            Coltrane Blue Train Blue Note M/NM                                 | NEAR_MINT
            Daft Punk Discovery 2LP new & sealed                               | MINT
            Talking Heads Remain In Light LP vinyl mint                        | MINT
            Kate Bush Hounds Of Love VG++                                      | VERY_GOOD_PLUS
            Fleetwood Mac Rumours vinyl LP EX+                                 | VERY_GOOD_PLUS
            Joy Division Closer LP Excellent condition                         | VERY_GOOD_PLUS
            Kraftwerk Autobahn LP VG plus                                      | VERY_GOOD_PLUS
            Bjork Debut LP record is in very good plus condition               | VERY_GOOD_PLUS
            Led Zeppelin IV Vinyl VG+ / Sleeve NM                              | VERY_GOOD_PLUS
            Media: VG+ Sleeve: VG Can Tago Mago                                | VERY_GOOD_PLUS
            Bowie Low LP VG+ vinyl, NM sleeve                                  | VERY_GOOD_PLUS
            Art Blakey Moanin' NM/VG+ Blue Note                                | VERY_GOOD_PLUS
            The Beatles Abbey Road Apple PCS 7088 VG+/VG                       | VERY_GOOD
            Led Zeppelin IV Sleeve NM Vinyl VG                                 | VERY_GOOD
            Roxy Music Avalon LP VG                                            | VERY_GOOD
            Massive Attack Blue Lines LP VGC                                   | VERY_GOOD
            Sabbath Paranoid VG- Vertigo swirl                                 | GOOD_PLUS
            The Clash London Calling G+                                        | GOOD_PLUS
            Miles Davis Bitches Brew VG+/G                                     | GOOD
            Neil Young Harvest 1972 LP good condition                          | GOOD
            Stevie Wonder Signed Sealed & Delivered LP VG                      | VERY_GOOD
            Stevie Wonder Signed, Sealed & Delivered LP                        | -
            Pearl Jam Ten LP opened, not sealed                                | -
            Chic Good Times 12 inch single                                     | -
            Van Halen Fair Warning LP 1981                                     | -
            The Vgoodies Live At The Roxy LP                                   | -
            Dial M For Murder soundtrack LP                                    | -
            Radiohead OK Computer 180 g vinyl                                  | -
            Elle King Ex's & Oh's 7 inch                                       | -
            A-ha Hunting High And Low LP                                       | -
            Abba Arrival LP pre-owned                                          | -
            AC/DC Back In Black LP                                             | -
            """)
    void readsTheMediaGradeFromTheTitle(String title, Grade expected) {
        assertEquals(Optional.ofNullable(expected), ListingGrade.of(listing(title, Map.of(), null, null)));
    }

    @Test
    void recordGradingItemSpecificComesFirst() {
        assertEquals(Optional.of(Grade.NEAR_MINT),
                ListingGrade.of(listing("Abbey Road VG", Map.of("Record Grading", "Near Mint (NM or M-)"), null, null)));
        assertEquals(Optional.of(Grade.VERY_GOOD_PLUS),
                ListingGrade.of(listing("Abbey Road", Map.of("record grading", "Excellent (EX)"), null, null)));
        assertEquals(Optional.of(Grade.GOOD),
                ListingGrade.of(listing("Abbey Road", Map.of("Media Condition", "Good (G)"), null, null)));
    }

    @Test
    void anItemSpecificWithoutAGradeFallsThroughToTheTitle() {
        assertEquals(Optional.of(Grade.VERY_GOOD),
                ListingGrade.of(listing("Abbey Road VG", Map.of("Record Grading", "Not Graded"), null, null)));
    }

    @Test
    void newIsMintButUsedSaysNothing() {
        assertEquals(Optional.of(Grade.MINT), ListingGrade.of(listing("Abbey Road", Map.of(), "New", "1000")));
        assertEquals(Optional.of(Grade.MINT), ListingGrade.of(listing("Abbey Road", Map.of(), "Brand New", null)));
        assertEquals(Optional.empty(), ListingGrade.of(listing("Abbey Road", Map.of(), "Pre-owned", "3000")));
        assertEquals(Optional.empty(), ListingGrade.of(listing("Abbey Road", Map.of(), "Used", null)));
    }

    @Test
    void aGradeInTheTitleBeatsTheMarketplaceCondition() {
        assertEquals(Optional.of(Grade.VERY_GOOD_PLUS),
                ListingGrade.of(listing("Abbey Road VG+ opened", Map.of(), "New", "1000")));
    }

    private static Listing listing(String title, Map<String, String> aspects, String condition, String conditionId) {
        return new Listing("1", "ebay", title, Money.of("10.00", "EUR"), null, condition, conditionId, null, null,
                aspects, null, List.of(), null, null, null, null);
    }
}
