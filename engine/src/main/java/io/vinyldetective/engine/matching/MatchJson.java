package io.vinyldetective.engine.matching;

import com.fasterxml.jackson.core.JsonGenerator;
import io.vinyldetective.api.MatchResult;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes what the {@code match} command prints: one JSON object a line, fields always in this order:
 * {@code id, release_id, method, score, candidates, reasons} (plus {@code problems} when a tier failed),
 * or {@code id, error} for a line that was not a usable listing. No match: {@code release_id} and
 * {@code method} are null, {@code candidates} is empty, {@code score} is the best score below the
 * bar (0 when no tier had any) and {@code reasons} say what fell short.
 */
public final class MatchJson {

    private final Writer out;

    public MatchJson(Writer out) {
        this.out = out;
    }

    public void write(MatchOutcome o) throws IOException {
        try (JsonGenerator g = generator()) {
            g.writeStartObject();
            g.writeStringField("id", o.listingId());
            if (o.refusal() != null) {
                g.writeStringField("error", o.refusal());
                g.writeEndObject();
                return;
            }
            MatchResult r = o.result();
            if (r != null) {
                g.writeNumberField("release_id", r.releaseId());
                g.writeStringField("method", r.method());
                g.writeNumberField("score", round(r.confidence()));
                g.writeArrayFieldStart("candidates");
                for (long id : r.releaseIds()) {
                    g.writeNumber(id);
                }
                g.writeEndArray();
                g.writeArrayFieldStart("reasons");
                for (String reason : r.reasons()) {
                    g.writeString(reason);
                }
                g.writeEndArray();
            } else {
                g.writeNullField("release_id");
                g.writeNullField("method");
                MatchResult best = o.bestTentative().orElse(null);
                g.writeNumberField("score", best == null ? 0.0 : round(best.confidence()));
                g.writeArrayFieldStart("candidates");
                g.writeEndArray();
                g.writeArrayFieldStart("reasons");
                for (MatchResult t : o.tentative()) {
                    g.writeString(t.method() + " " + round(t.confidence()) + " below " + MatchResult.CONFIDENT + ": "
                            + String.join("; ", t.reasons()));
                }
                g.writeEndArray();
            }
            if (!o.problems().isEmpty()) {
                g.writeArrayFieldStart("problems");
                for (String p : o.problems()) {
                    g.writeString(p);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        } finally {
            out.write('\n');
        }
    }

    /** A line for input that is not a usable listing; {@code id} may be null. */
    public void writeError(String id, String error) throws IOException {
        try (JsonGenerator g = generator()) {
            g.writeStartObject();
            g.writeStringField("id", id);
            g.writeStringField("error", error);
            g.writeEndObject();
        } finally {
            out.write('\n');
        }
    }

    private JsonGenerator generator() throws IOException {
        JsonGenerator g = ListingJson.FACTORY.createGenerator(out);
        g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        return g;
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
