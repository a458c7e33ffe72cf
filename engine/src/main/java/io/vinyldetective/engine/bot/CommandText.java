package io.vinyldetective.engine.bot;

import java.math.BigDecimal;

/** Reading and echoing what subscribers type, the same way for every command. */
public final class CommandText {

    private static final BigDecimal MAX_PRICE = new BigDecimal("1000000");

    private CommandText() {
    }

    /** A price as typed ({@code 80}, {@code 79.50}, {@code 79,50}): positive, under a million, cents at most; else null. */
    public static BigDecimal price(String text) {
        try {
            BigDecimal value = new BigDecimal(text.replace(',', '.'));
            return value.signum() > 0 && value.compareTo(MAX_PRICE) < 0 && value.scale() <= 2 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** What a subscriber typed, cut to {@code max} characters for an answer. */
    public static String abbreviate(String text, int max) {
        return text.length() > max ? text.substring(0, max) + "…" : text;
    }

    /** {@code on}/{@code yes}/{@code true} or {@code off}/{@code no}/{@code false} (lower case), else null. */
    public static Boolean onOff(String text) {
        switch (text) {
            case "on", "yes", "true":
                return Boolean.TRUE;
            case "off", "no", "false":
                return Boolean.FALSE;
            default:
                return null;
        }
    }
}
