package io.vinyldetective.plugins.match.testkit;

import io.vinyldetective.api.Listing;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Rewrites dev-set listings the way unseen listings differ from them, to check that tiers generalise
 * rather than fit the dev set's phrasing: a typo in a longer word, seller filler then a cut at the
 * marketplace's 80 characters, lower case. Deterministic for a seed.
 */
public final class Perturbation {

    private static final String[] FILLER = {"Original", "Vinyl", "Record", "Excellent", "Condition", "RARE",
        "1st", "Press", "Gatefold", "Near", "Mint", "Free", "Shipping", "Audiophile", "Stereo"};

    private Perturbation() {
    }

    public static List<DevSet.Case> apply(List<DevSet.Case> cases, long seed) {
        Random random = new Random(seed);
        List<DevSet.Case> out = new ArrayList<>(cases.size());
        for (DevSet.Case c : cases) {
            String title = c.listing().title();
            if (random.nextDouble() < 0.5) {
                title = typo(title, random);
            }
            if (random.nextDouble() < 0.4) {
                StringBuilder sb = new StringBuilder(title);
                while (sb.length() < 90) {
                    sb.append(' ').append(FILLER[random.nextInt(FILLER.length)]);
                }
                title = sb.substring(0, 80);
            }
            if (random.nextDouble() < 0.3) {
                title = title.toLowerCase(Locale.ROOT);
            }
            Listing l = c.listing();
            out.add(new DevSet.Case(Listing.forMatching(l.id(), title, l.price(), l.format(), l.gtin(), l.aspects()),
                    c.accept(), c.kind()));
        }
        return out;
    }

    /** One edit (drop, swap or replace a letter) in a random word of at least six letters. */
    static String typo(String title, Random random) {
        String[] words = title.split(" ");
        List<Integer> eligible = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            if (words[i].length() >= 6 && words[i].chars().allMatch(Character::isLetter)) {
                eligible.add(i);
            }
        }
        if (eligible.isEmpty()) {
            return title;
        }
        int wi = eligible.get(random.nextInt(eligible.size()));
        StringBuilder w = new StringBuilder(words[wi]);
        int at = 1 + random.nextInt(w.length() - 2);
        switch (random.nextInt(3)) {
            case 0 -> w.deleteCharAt(at);
            case 1 -> {
                char ch = w.charAt(at);
                w.setCharAt(at, w.charAt(at + 1));
                w.setCharAt(at + 1, ch);
            }
            default -> w.setCharAt(at, (char) ('a' + random.nextInt(26)));
        }
        words[wi] = w.toString();
        return String.join(" ", words);
    }
}
