package io.vinyldetective.engine.alerts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vinyldetective.api.Deal;
import io.vinyldetective.api.Grade;
import io.vinyldetective.api.Listing;
import io.vinyldetective.api.MatchResult;
import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.Money;
import io.vinyldetective.api.PriceQuote;
import io.vinyldetective.api.Release;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Deal} as JSON and back, so an outbox row holds everything its card needs and survives
 * restarts. Written with the streaming core (the engine has no object mapper); amounts are strings
 * so no decimal is rounded on the way.
 */
public final class DealJson {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private DealJson() {
    }

    static String write(Deal deal) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            listing(g, deal.listing());
            release(g, deal.release());
            g.writeObjectFieldStart("match");
            longs(g, "releaseIds", deal.match().releaseIds());
            g.writeStringField("method", deal.match().method());
            g.writeNumberField("confidence", deal.match().confidence());
            strings(g, "reasons", deal.match().reasons());
            g.writeEndObject();
            PriceQuote q = deal.reference();
            g.writeObjectFieldStart("reference");
            g.writeNumberField("releaseId", q.releaseId());
            money(g, "price", q.price());
            text(g, "grade", q.grade() == null ? null : q.grade().name());
            g.writeStringField("source", q.source());
            if (q.forSale() != null) {
                g.writeNumberField("forSale", q.forSale());
            }
            g.writeStringField("asOf", q.asOf().toString());
            g.writeEndObject();
            money(g, "landedCost", deal.landedCost());
            g.writeNumberField("discount", deal.discount());
            g.writeStringField("priority", deal.priority().name());
            strings(g, "flags", deal.flags());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void listing(JsonGenerator g, Listing l) throws IOException {
        g.writeObjectFieldStart("listing");
        g.writeStringField("id", l.id());
        text(g, "source", l.source());
        g.writeStringField("title", l.title());
        money(g, "price", l.price());
        money(g, "shipping", l.shipping());
        text(g, "condition", l.condition());
        text(g, "conditionId", l.conditionId());
        text(g, "format", l.format() == null ? null : l.format().name());
        text(g, "gtin", l.gtin());
        g.writeObjectFieldStart("aspects");
        for (Map.Entry<String, String> e : l.aspects().entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        if (l.seller() != null) {
            g.writeObjectFieldStart("seller");
            text(g, "username", l.seller().username());
            if (l.seller().feedbackScore() != null) {
                g.writeNumberField("feedbackScore", l.seller().feedbackScore());
            }
            if (l.seller().feedbackPercent() != null) {
                g.writeNumberField("feedbackPercent", l.seller().feedbackPercent());
            }
            g.writeEndObject();
        }
        strings(g, "buyingOptions", l.buyingOptions());
        money(g, "currentBid", l.currentBid());
        text(g, "imageUrl", l.imageUrl());
        text(g, "webUrl", l.webUrl());
        text(g, "createdAt", l.createdAt() == null ? null : l.createdAt().toString());
        text(g, "endsAt", l.endsAt() == null ? null : l.endsAt().toString());
        if (l.bidCount() != null) {
            g.writeNumberField("bidCount", l.bidCount());
        }
        g.writeEndObject();
    }

    private static void release(JsonGenerator g, Release r) throws IOException {
        g.writeObjectFieldStart("release");
        g.writeNumberField("id", r.id());
        g.writeStringField("title", r.title());
        strings(g, "artists", r.artists());
        g.writeArrayFieldStart("labels");
        for (Release.LabelCatalogNumber l : r.labels()) {
            g.writeStartObject();
            text(g, "label", l.label());
            text(g, "catalogNumber", l.catalogNumber());
            g.writeEndObject();
        }
        g.writeEndArray();
        strings(g, "barcodes", r.barcodes());
        text(g, "format", r.format() == null ? null : r.format().name());
        text(g, "formatDescription", r.formatDescription());
        text(g, "country", r.country());
        if (r.year() != null) {
            g.writeNumberField("year", r.year());
        }
        if (r.masterId() != null) {
            g.writeNumberField("masterId", r.masterId());
        }
        g.writeEndObject();
    }

    private static void text(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }

    private static void money(JsonGenerator g, String field, Money m) throws IOException {
        if (m != null) {
            g.writeObjectFieldStart(field);
            g.writeStringField("amount", m.amount().toPlainString());
            g.writeStringField("currency", m.currency());
            g.writeEndObject();
        }
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void longs(JsonGenerator g, String field, List<Long> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (Long v : values) {
            g.writeNumber(v);
        }
        g.writeEndArray();
    }

    /** One listing alone as JSON, e.g. for a listing that waits in a poll's backlog. */
    public static String writeListing(Listing listing) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            listing(g, listing);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A listing written by {@link #writeListing}; an IllegalArgumentException when the text is not one. */
    public static Listing readListing(String json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            return listing(map(object(p, p.nextToken()), "listing"));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a stored listing: " + e.getMessage(), e);
        }
    }

    // --- reading ---

    static Deal read(String json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            Map<String, Object> d = object(p, p.nextToken());
            Map<String, Object> m = map(d, "match");
            Map<String, Object> q = map(d, "reference");
            String grade = str(q, "grade");
            PriceQuote reference = new PriceQuote(num(q, "releaseId").longValue(), money(q, "price"),
                    grade == null ? null : Grade.valueOf(grade), str(q, "source"), integer(q, "forSale"),
                    Instant.parse(str(q, "asOf")));
            MatchResult match = new MatchResult(list(m, "releaseIds").stream().map(o -> ((Number) o).longValue()).toList(),
                    str(m, "method"), num(m, "confidence").doubleValue(), strings(m, "reasons"));
            return new Deal(listing(map(d, "listing")), release(map(d, "release")), match, reference,
                    money(d, "landedCost"), num(d, "discount").doubleValue(), Deal.Priority.valueOf(str(d, "priority")),
                    strings(d, "flags"));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a stored deal: " + e.getMessage(), e);
        }
    }

    private static Listing listing(Map<String, Object> l) {
        Map<String, String> aspects = new LinkedHashMap<>();
        map(l, "aspects").forEach((k, v) -> aspects.put(k, (String) v));
        Map<String, Object> s = l.containsKey("seller") ? map(l, "seller") : null;
        Listing.Seller seller = s == null ? null : new Listing.Seller(str(s, "username"), integer(s, "feedbackScore"),
                s.get("feedbackPercent") == null ? null : num(s, "feedbackPercent").doubleValue());
        String format = str(l, "format");
        String createdAt = str(l, "createdAt");
        String endsAt = str(l, "endsAt");
        return new Listing(str(l, "id"), str(l, "source"), str(l, "title"), money(l, "price"), money(l, "shipping"),
                str(l, "condition"), str(l, "conditionId"), format == null ? null : MediaFormat.valueOf(format),
                str(l, "gtin"), aspects, seller, strings(l, "buyingOptions"), money(l, "currentBid"), str(l, "imageUrl"),
                str(l, "webUrl"), createdAt == null ? null : Instant.parse(createdAt),
                endsAt == null ? null : Instant.parse(endsAt), integer(l, "bidCount"));
    }

    private static Release release(Map<String, Object> r) {
        List<Release.LabelCatalogNumber> labels = new ArrayList<>();
        for (Object o : list(r, "labels")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> l = (Map<String, Object>) o;
            labels.add(new Release.LabelCatalogNumber(str(l, "label"), str(l, "catalogNumber")));
        }
        String format = str(r, "format");
        Number master = num(r, "masterId");
        return new Release(num(r, "id").longValue(), str(r, "title"), strings(r, "artists"), labels, strings(r, "barcodes"),
                format == null ? null : MediaFormat.valueOf(format), str(r, "formatDescription"), str(r, "country"),
                integer(r, "year"), master == null ? null : master.longValue());
    }

    private static Money money(Map<String, Object> o, String field) {
        Map<String, Object> m = o.containsKey(field) ? map(o, field) : null;
        return m == null ? null : new Money(new BigDecimal(str(m, "amount")), str(m, "currency"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> o, String field) {
        Object v = o.get(field);
        if (v == null) {
            throw new IllegalArgumentException("missing '" + field + "'");
        }
        return (Map<String, Object>) v;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> o, String field) {
        Object v = o.get(field);
        return v == null ? List.of() : (List<Object>) v;
    }

    private static List<String> strings(Map<String, Object> o, String field) {
        return list(o, field).stream().map(String.class::cast).toList();
    }

    private static String str(Map<String, Object> o, String field) {
        return (String) o.get(field);
    }

    private static Number num(Map<String, Object> o, String field) {
        return (Number) o.get(field);
    }

    private static Integer integer(Map<String, Object> o, String field) {
        Number n = num(o, field);
        return n == null ? null : n.intValue();
    }

    private static Object value(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT:
                return object(p, t);
            case START_ARRAY:
                List<Object> list = new ArrayList<>();
                for (JsonToken next = p.nextToken(); next != JsonToken.END_ARRAY; next = p.nextToken()) {
                    list.add(value(p, next));
                }
                return list;
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
            case VALUE_FALSE:
                return p.getBooleanValue();
            case VALUE_NULL:
                return null;
            default:
                throw new IOException("unexpected " + t);
        }
    }

    private static Map<String, Object> object(JsonParser p, JsonToken t) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            throw new IOException("expected an object, found " + t);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (JsonToken next = p.nextToken(); next != JsonToken.END_OBJECT; next = p.nextToken()) {
            String name = p.currentName();
            map.put(name, value(p, p.nextToken()));
        }
        return map;
    }
}
