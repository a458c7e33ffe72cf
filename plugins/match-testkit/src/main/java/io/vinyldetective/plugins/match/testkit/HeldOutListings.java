package io.vinyldetective.plugins.match.testkit;

import io.vinyldetective.api.Listing;
import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.Money;
import io.vinyldetective.api.Release;
import io.vinyldetective.api.TextKeys;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Marketplace listings written from real catalog releases the way sellers write them, with the truth
 * worked out from the catalog: a held-out check that the tiers generalise beyond the dev set.
 *
 * <p>Each release of a polled format (vinyl, CD, cassette) gets one listing in a seller's style (artist
 * and title in some order and case, format words, sometimes a year, label, catalog number or country),
 * and one way sellers differ from the catalog (the case's {@code kind}). A release credited to several
 * artists is named by all of them or by the first alone.
 * <ul>
 *   <li>{@code plain}: as the catalog spells it;</li>
 *   <li>{@code typo}: one slip (a letter dropped, swapped or wrong) in a longer artist or title word;</li>
 *   <li>{@code ascii}: diacritics left out and Cyrillic or Greek written in Latin letters, in one of two
 *       common ways ({@code Ласковый Май} as {@code Laskovyy May} or {@code Laskovij Maj});</li>
 *   <li>{@code classical}: a classical release (composer, soloist, orchestra) named the way classical
 *       sellers do: the composer's surname, the work, the first performer's surname;</li>
 *   <li>{@code format-words}: the title also names another format ({@code Mini LP Sleeve} on a CD,
 *       {@code + Bonus CD} on an LP), while the listing's category says the real one.</li>
 * </ul>
 * Releases in {@code heldOut} are not in the catalog the tiers see; their listings must match nothing
 * unless the catalog holds a pressing that fits everything the listing says ({@code held-out}).
 *
 * <p>Truth: the catalog releases that fit the listing, that is, the same artists, title and format, and
 * the year, country, label and catalog number when the listing names them. Deterministic for a seed.
 */
public final class HeldOutListings {

    private static final String[] GRADES = {"VG+", "NM", "EX", "VG", "M-", "Near Mint", "Excellent"};
    private static final String[] FILLER = {"Original", "RARE", "Sealed", "Free Shipping", "Gatefold", "Insert",
        "1st Press", "Reissue", "Stereo", "Tested"};

    private HeldOutListings() {
    }

    /** Listings for every release of a polled format in {@code all}; those in {@code heldOut} are not in the catalog. */
    public static List<DevSet.Case> generate(List<Release> all, Set<Long> heldOut, Set<Long> classical, long seed) {
        Random random = new Random(seed);
        List<Release> catalog = all.stream().filter(r -> !heldOut.contains(r.id())).toList();
        Map<String, List<Release>> byWork = new HashMap<>();
        for (Release r : catalog) {
            byWork.computeIfAbsent(workKey(r), k -> new ArrayList<>()).add(r);
        }
        List<DevSet.Case> cases = new ArrayList<>();
        int n = 0;
        for (Release r : all) {
            if (!polled(r.format()) || r.artists().isEmpty() || TextKeys.words(r.title()).isEmpty()) {
                continue;
            }
            String kind = kind(r, classical.contains(r.id()), random);
            Named named = new Named(random);
            String title = title(r, kind, named, random);
            MediaFormat category = kind.equals("format-words") && random.nextInt(4) == 0 ? null : r.format();
            Listing listing = Listing.forMatching("held|" + seed + "|" + (n++), title,
                    new Money(new BigDecimal(5 + random.nextInt(60)), "USD"), category, null, Map.of());
            Set<Long> accept = new TreeSet<>();
            for (Release c : byWork.getOrDefault(workKey(r), List.of())) {
                if (named.fits(r, c)) {
                    accept.add(c.id());
                }
            }
            cases.add(new DevSet.Case(listing, accept, heldOut.contains(r.id()) ? "held-out" : kind));
        }
        return cases;
    }

    /** Every {@code k}-th release of a polled format, by a seeded shuffle: the releases to leave out of the catalog. */
    public static Set<Long> holdOut(List<Release> all, int everyKth, long seed) {
        List<Long> ids = new ArrayList<>();
        for (Release r : all) {
            if (polled(r.format())) {
                ids.add(r.id());
            }
        }
        java.util.Collections.shuffle(ids, new Random(seed));
        Set<Long> out = new TreeSet<>();
        for (int i = 0; i < ids.size(); i += everyKth) {
            out.add(ids.get(i));
        }
        return out;
    }

    private static boolean polled(MediaFormat f) {
        return f == MediaFormat.VINYL || f == MediaFormat.CD || f == MediaFormat.CASSETTE;
    }

    private static String kind(Release r, boolean classical, Random random) {
        boolean foreign = !ascii(r.artistLine() + " " + r.title());
        if (foreign && random.nextInt(3) > 0) {
            return "ascii";
        }
        if (classical && !r.artists().get(0).equalsIgnoreCase("Various") && random.nextInt(4) > 0) {
            return "classical";
        }
        return switch (random.nextInt(5)) {
            case 0, 1 -> "plain";
            case 2, 3 -> "typo";
            default -> "format-words";
        };
    }

    /** Which pressing details the listing names (each with some chance), and whether a catalog release fits them. */
    private static final class Named {
        final boolean year;
        final boolean country;
        final boolean label;
        final boolean catalogNumber;

        Named(Random random) {
            year = random.nextInt(3) == 0;
            country = random.nextInt(6) == 0;
            label = random.nextInt(4) == 0;
            catalogNumber = random.nextInt(5) == 0;
        }

        boolean fits(Release source, Release c) {
            if (year && source.year() != null && !source.year().equals(c.year())) {
                return false;
            }
            if (country && source.country() != null && !source.country().equals(c.country())) {
                return false;
            }
            if (label && !source.labels().isEmpty()
                    && c.labels().stream().noneMatch(l -> sameText(l.label(), source.labels().get(0).label()))) {
                return false;
            }
            return !catalogNumber || source.labels().isEmpty() || source.labels().get(0).catalogNumber() == null
                    || c.labels().stream().anyMatch(l -> sameText(l.catalogNumber(), source.labels().get(0).catalogNumber()));
        }
    }

    private static boolean sameText(String a, String b) {
        return a != null && b != null && TextKeys.words(a).equals(TextKeys.words(b));
    }

    private static String title(Release r, String kind, Named named, Random random) {
        String artist = TextKeys.withoutDisambiguation(r.artists().get(0));
        String work = r.title();
        if (kind.equals("classical")) {
            String composer = surname(artist);
            artist = random.nextBoolean() ? composer + ":" : composer;
            if (r.artists().size() > 1) {
                String performer = surname(TextKeys.withoutDisambiguation(r.artists().get(1)));
                work = work + (random.nextBoolean() ? " - " + performer : " " + performer);
            }
        } else if (r.artists().size() > 1 && r.artists().size() <= 3 && random.nextBoolean()) {
            artist = String.join(" & ", r.artists().stream().map(TextKeys::withoutDisambiguation).toList());
        }
        if (kind.equals("ascii")) {
            boolean scholarly = random.nextBoolean();
            artist = latin(artist, scholarly);
            work = latin(work, scholarly);
        }
        if (kind.equals("typo")) {
            if (random.nextBoolean()) {
                work = Perturbation.typo(work, random);
            } else {
                artist = Perturbation.typo(artist, random);
            }
        }
        String fmt = formatWord(r.format(), random);
        StringBuilder sb = new StringBuilder();
        switch (random.nextInt(4)) {
            case 0 -> sb.append(artist).append(" - ").append(work).append(' ').append(fmt);
            case 1 -> sb.append(work).append(" by ").append(artist).append(' ').append(fmt);
            case 2 -> sb.append(artist).append(' ').append(work).append(" (").append(fmt).append(')');
            default -> sb.append(artist).append(' ').append(work).append(' ').append(fmt);
        }
        if (kind.equals("format-words")) {
            sb.append(' ').append(switch (r.format()) {
                case CD -> random.nextBoolean() ? "Mini LP Sleeve" : "Japan LP Replica";
                case VINYL -> random.nextBoolean() ? "+ Bonus CD" : "Vinyl (not CD)";
                default -> random.nextBoolean() ? "Tape (LP tracks)" : "Cassette not CD";
            });
        }
        Release.LabelCatalogNumber first = r.labels().isEmpty() ? null : r.labels().get(0);
        if (named.label && first != null && first.label() != null) {
            String label = TextKeys.withoutDisambiguation(first.label());
            sb.append(' ').append(kind.equals("ascii") ? latin(label, false) : label);
        }
        if (named.catalogNumber && first != null && first.catalogNumber() != null) {
            sb.append(' ').append(first.catalogNumber());
        }
        if (named.year && r.year() != null) {
            sb.append(random.nextBoolean() ? " " + r.year() : " (" + r.year() + ")");
        }
        if (named.country && r.country() != null) {
            sb.append(' ').append(r.country());
        }
        if (random.nextInt(3) == 0) {
            sb.append(' ').append(FILLER[random.nextInt(FILLER.length)]);
        }
        if (random.nextBoolean()) {
            sb.append(' ').append(GRADES[random.nextInt(GRADES.length)]);
        }
        String out = sb.toString().replaceAll("\\s+", " ").strip();
        switch (random.nextInt(6)) {
            case 0 -> out = out.toUpperCase(Locale.ROOT);
            case 1 -> out = out.toLowerCase(Locale.ROOT);
            default -> { }
        }
        return out.length() > 80 ? out.substring(0, 80) : out;
    }

    private static String formatWord(MediaFormat f, Random random) {
        return switch (f) {
            case VINYL -> new String[] {"LP", "Vinyl LP", "12\" Vinyl", "Vinyl"}[random.nextInt(4)];
            case CD -> new String[] {"CD", "CD Album", "Compact Disc"}[random.nextInt(3)];
            default -> new String[] {"Cassette", "Cassette Tape", "MC Tape"}[random.nextInt(3)];
        };
    }

    /** The last word of a person's name ("Antonio Vivaldi" gives "Vivaldi"); names of groups are kept whole. */
    private static String surname(String name) {
        String[] parts = name.strip().split(" ");
        if (parts.length == 2 || parts.length == 3 && parts[1].length() <= 2) {
            return parts[parts.length - 1];
        }
        return name;
    }

    private static String workKey(Release r) {
        List<String> artists = new ArrayList<>();
        for (String a : r.artists()) {
            artists.add(TextKeys.nameKey(a));
        }
        return String.join("|", artists) + "|" + TextKeys.nameKey(r.title()) + "|" + r.format();
    }

    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- how sellers write other scripts in Latin

    private static final Map<Character, String[]> LATIN = new HashMap<>();

    private static void put(String letters, String common, String scholarly) {
        String[] c = common.split(",", -1);
        String[] s = scholarly.split(",", -1);
        for (int i = 0; i < letters.length(); i++) {
            LATIN.put(letters.charAt(i), new String[] {c[i], s[i]});
        }
    }

    static {
        // Cyrillic: the passport-style spelling sellers type most, and the older scholarly one.
        put("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ",
                "a,b,v,g,d,e,e,zh,z,i,y,k,l,m,n,o,p,r,s,t,u,f,kh,ts,ch,sh,shch,,y,,e,yu,ya,i,yi,ye,g",
                "a,b,v,g,d,e,jo,zh,z,i,j,k,l,m,n,o,p,r,s,t,u,f,h,c,ch,sh,sch,,y,',e,ju,ja,i,ji,je,g");
        // Greek: the usual Latin spelling, and one that writes eta and upsilon as sounded.
        put("αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰ",
                "a,v,g,d,e,z,i,th,i,k,l,m,n,x,o,p,r,s,s,t,y,f,ch,ps,o,a,e,i,i,o,y,o,i,y,i,y",
                "a,b,g,d,e,z,e,th,i,k,l,m,n,ks,o,p,r,s,s,t,u,ph,h,ps,o,a,e,e,i,o,u,o,i,u,i,u");
    }

    /** Diacritics dropped and Cyrillic or Greek letters written in Latin, as a seller without the keyboard types them. */
    static String latin(String text, boolean scholarly) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char lower = Character.toLowerCase(c);
            String[] l = LATIN.get(lower);
            if (l == null) {
                sb.append(c);
                continue;
            }
            String s = l[scholarly ? 1 : 0];
            if (!s.isEmpty() && Character.isUpperCase(c)) {
                s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
            }
            sb.append(s);
        }
        String decomposed = Normalizer.normalize(sb, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                out.append(switch (c) {
                    case 'ø' -> "o";
                    case 'Ø' -> "O";
                    case 'ß' -> "ss";
                    case 'æ' -> "ae";
                    case 'ł' -> "l";
                    default -> String.valueOf(c);
                });
            }
        }
        return out.toString();
    }
}
