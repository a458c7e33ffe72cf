package io.vinyldetective.engine.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a migration script into statements on {@code ;}, ignoring semicolons inside quotes,
 * comments and {@code CREATE TRIGGER ... BEGIN ... END} bodies.
 */
final class SqlScript {

    private SqlScript() {
    }

    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        StringBuilder word = new StringBuilder();
        int blockDepth = 0;
        int n = script.length();
        for (int i = 0; i < n; i++) {
            char c = script.charAt(i);
            if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                while (i < n && script.charAt(i) != '\n') {
                    i++;
                }
                current.append('\n');
                continue;
            }
            if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int end = script.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 1;
                current.append(' ');
                continue;
            }
            if (c == '\'' || c == '"' || c == '`') {
                int end = i + 1;
                while (end < n && script.charAt(end) != c) {
                    end++;
                }
                current.append(script, i, Math.min(end + 1, n));
                i = end;
                continue;
            }
            if (Character.isLetter(c) || c == '_') {
                word.append(c);
            } else {
                blockDepth += keywordDepthChange(word, current);
                word.setLength(0);
            }
            if (c == ';' && blockDepth == 0) {
                addIfNotBlank(out, current);
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        addIfNotBlank(out, current);
        return out;
    }

    private static int keywordDepthChange(StringBuilder word, StringBuilder statement) {
        if (word.length() == 0) {
            return 0;
        }
        String w = word.toString().toUpperCase(Locale.ROOT);
        if (w.equals("BEGIN") && statement.toString().strip().toUpperCase(Locale.ROOT).startsWith("CREATE TRIGGER")) {
            return 1;
        }
        if (w.equals("END") && statement.toString().strip().toUpperCase(Locale.ROOT).startsWith("CREATE TRIGGER")) {
            return -1;
        }
        return 0;
    }

    private static void addIfNotBlank(List<String> out, StringBuilder statement) {
        String s = statement.toString().strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
    }
}
