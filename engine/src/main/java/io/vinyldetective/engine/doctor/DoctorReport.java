package io.vinyldetective.engine.doctor;

import io.vinyldetective.engine.logging.SecretMasker;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Prints the doctor's findings as they come, section by section, for an 80-column terminal: one
 * line per check (mark, subject, text), the fix below it, long text wrapped. Every secret the
 * doctor knows of, and every one registered with {@link SecretMasker}, is replaced by {@code ****}
 * before anything is printed.
 */
public final class DoctorReport {

    static final int WIDTH = 80;
    /** Width of the subject column: the longest contract variable, TELEGRAM_ALLOWED_CHATS. */
    static final int SUBJECT = 22;
    /** Secrets shorter than this are not masked: they would garble ordinary words. */
    private static final int MIN_SECRET = 4;

    private final PrintWriter out;
    private final List<String> secrets = new ArrayList<>();
    private int problems;
    private int warnings;

    public DoctorReport(PrintWriter out) {
        this.out = out;
    }

    /** Values never to print (tokens, keys), whatever a message from a server or a library holds. */
    public void secrets(Collection<String> values) {
        for (String v : values) {
            if (v != null && v.strip().length() >= MIN_SECRET && !secrets.contains(v.strip())) {
                secrets.add(v.strip());
            }
        }
    }

    public void section(String title) {
        out.println();
        out.println(mask(title));
        out.flush();
    }

    /** A line of explanation without a mark. */
    public void note(String text) {
        wrap(mask(text), "  ", "  ");
        out.flush();
    }

    public void add(Check check) {
        if (check.status() == Check.Status.PROBLEM) {
            problems++;
        } else if (check.status() == Check.Status.WARNING) {
            warnings++;
        }
        String first = "  " + check.status().mark() + " ";
        String indent = "    ";
        if (check.subject() != null) {
            String subject = String.format("%-" + SUBJECT + "s  ", check.subject());
            first += subject;
            if (subject.length() == SUBJECT + 2) {
                indent += " ".repeat(subject.length());
            }
        }
        wrap(mask(check.text()), first, indent);
        if (check.fix() != null) {
            wrap(mask(check.fix()), "      → ", "        ");
        }
        out.flush();
    }

    public void addAll(Collection<Check> checks) {
        checks.forEach(this::add);
    }

    public int problems() {
        return problems;
    }

    public int warnings() {
        return warnings;
    }

    /** The closing line; returns the exit code: 0 when nothing is a problem, else 1. */
    public int finish() {
        out.println();
        if (problems == 0) {
            out.println(warnings == 0 ? "Everything looks fine."
                    : "Nothing stops Vinyl Detective from working; " + count(warnings, "warning") + " above.");
        } else {
            wrap(count(problems, "problem") + (warnings == 0 ? "" : " and " + count(warnings, "warning"))
                    + ": fix the ✗ lines, then run vinyl-detective doctor again.", "", "");
        }
        out.flush();
        return problems == 0 ? 0 : 1;
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private String mask(String text) {
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, "****");
        }
        return SecretMasker.mask(masked);
    }

    /** Prints {@code text} as one paragraph in lines of at most {@link #WIDTH} columns, breaking at spaces where it can. */
    private void wrap(String text, String first, String indent) {
        String prefix = first;
        String rest = text.strip().replaceAll("\\s*\\R\\s*", " ");
        while (prefix.length() + rest.length() > WIDTH) {
            int room = WIDTH - prefix.length();
            int cut = rest.lastIndexOf(' ', room);
            if (cut <= 0) {
                cut = rest.indexOf(' ', room);
                if (cut < 0) {
                    break;
                }
            }
            out.println(prefix + rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut + 1).stripLeading();
            prefix = indent;
        }
        out.println(prefix + rest);
    }
}
