package io.vinyldetective.engine.doctor;

/**
 * One finding of {@code vinyl-detective doctor}: a line with a mark, and how to fix it when it is
 * not fine.
 *
 * @param status  fine, a warning, or a problem
 * @param subject what was checked, in the left column (a variable, a plugin, an API), or null
 * @param text    what was found, in plain words
 * @param fix     what to do about it, or null
 */
public record Check(Status status, String subject, String text, String fix) {

    /** How a finding counts: only {@link #PROBLEM} makes the doctor exit 1. */
    public enum Status {
        OK("✓"), WARNING("!"), PROBLEM("✗");

        private final String mark;

        Status(String mark) {
            this.mark = mark;
        }

        public String mark() {
            return mark;
        }
    }

    public static Check ok(String subject, String text) {
        return new Check(Status.OK, subject, text, null);
    }

    public static Check warning(String subject, String text, String fix) {
        return new Check(Status.WARNING, subject, text, fix);
    }

    public static Check problem(String subject, String text, String fix) {
        return new Check(Status.PROBLEM, subject, text, fix);
    }
}
