package io.vinyldetective.engine.matching;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.vinyldetective.api.Listing;
import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.Money;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one listing from a JSON line, as the {@code match} command takes them:
 * {@code {"id", "title", "price", "currency", "shipping", "condition", "format", "gtin", "aspects"}}.
 * {@code id} and {@code title} are required; {@code format} is {@code Vinyl}, {@code CD},
 * {@code Cassette} or null; {@code aspects} maps names to values (arrays are joined with
 * {@code ", "}). Unknown fields are ignored. With jackson-core's streaming parser: no data binding.
 */
public final class ListingJson {

    static final JsonFactory FACTORY = JsonFactory.builder().build();

    private ListingJson() {
    }

    /** A line that is not a usable listing; {@link #id()} is the listing's id when it could be read. */
    public static final class BadListing extends Exception {
        private final String id;

        BadListing(String id, String message) {
            super(message);
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    public static Listing parse(String line) throws BadListing {
        String id = null;
        String title = null;
        BigDecimal price = null;
        BigDecimal shipping = null;
        String currency = null;
        String condition = null;
        String format = null;
        String gtin = null;
        Map<String, String> aspects = new LinkedHashMap<>();
        try (JsonParser p = FACTORY.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new BadListing(null, "not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken t = p.nextToken();
                switch (field) {
                    case "id" -> id = scalar(p, t, id, field);
                    case "title" -> title = scalar(p, t, id, field);
                    case "price" -> price = amount(p, t, id, field);
                    case "shipping" -> shipping = amount(p, t, id, field);
                    case "currency" -> currency = scalar(p, t, id, field);
                    case "condition" -> condition = scalar(p, t, id, field);
                    case "format" -> format = scalar(p, t, id, field);
                    case "gtin" -> gtin = scalar(p, t, id, field);
                    case "aspects" -> aspects(p, t, id, aspects);
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new BadListing(id, "malformed JSON: text after the object");
            }
        } catch (JsonProcessingException e) {
            throw new BadListing(id, "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadListing(id, "unreadable line: " + e.getMessage());
        }
        if (id == null || id.isBlank()) {
            throw new BadListing(null, "no id");
        }
        if (title == null) {
            throw new BadListing(id, "no title");
        }
        Money priceMoney = null;
        Money shippingMoney = null;
        if (currency != null && (price != null || shipping != null)) {
            if (currency.length() != 3) {
                throw new BadListing(id, "currency must be a three-letter code: '" + currency + "'");
            }
            priceMoney = price == null ? null : new Money(price, currency);
            shippingMoney = shipping == null ? null : new Money(shipping, currency);
        }
        MediaFormat mediaFormat = MediaFormat.fromName(format);
        return new Listing(id, null, title, priceMoney, shippingMoney, condition, null, mediaFormat,
                gtin == null || gtin.isBlank() ? null : gtin.strip(), aspects, null, List.of(), null, null, null, null);
    }

    private static String scalar(JsonParser p, JsonToken t, String id, String field) throws IOException, BadListing {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t.isScalarValue()) {
            return p.getText();
        }
        throw new BadListing(id, "'" + field + "' must be a string");
    }

    private static BigDecimal amount(JsonParser p, JsonToken t, String id, String field) throws IOException, BadListing {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t.isNumeric()) {
            return p.getDecimalValue();
        }
        if (t == JsonToken.VALUE_STRING) {
            try {
                return new BigDecimal(p.getText().strip());
            } catch (NumberFormatException e) {
                throw new BadListing(id, "'" + field + "' is not a number: '" + p.getText() + "'");
            }
        }
        throw new BadListing(id, "'" + field + "' must be a number");
    }

    private static void aspects(JsonParser p, JsonToken t, String id, Map<String, String> aspects)
            throws IOException, BadListing {
        if (t == JsonToken.VALUE_NULL) {
            return;
        }
        if (t != JsonToken.START_OBJECT) {
            throw new BadListing(id, "'aspects' must be an object");
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_ARRAY) {
                List<String> values = new ArrayList<>();
                while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (v.isScalarValue() && v != JsonToken.VALUE_NULL) {
                        values.add(p.getText());
                    } else {
                        p.skipChildren();
                    }
                }
                if (!values.isEmpty()) {
                    aspects.put(name, String.join(", ", values));
                }
            } else if (v.isScalarValue()) {
                if (v != JsonToken.VALUE_NULL) {
                    aspects.put(name, p.getText());
                }
            } else {
                p.skipChildren();
            }
        }
    }
}
