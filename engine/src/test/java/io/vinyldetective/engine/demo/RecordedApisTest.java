package io.vinyldetective.engine.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The demo's replay server over HTTP: every route answers its recording as JSON, the requests the
 * eBay and Discogs plugins send (encoded exactly as they encode them) find their recordings, unknown
 * ones get the API's 404 body. The plugins themselves run against it in match-eval's
 * {@code DemoRecordingsTest}.
 */
class RecordedApisTest {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private RecordedApis apis;

    @BeforeEach
    void start() throws IOException {
        apis = RecordedApis.start();
    }

    @AfterEach
    void stop() {
        apis.close();
    }

    @Test
    @DisplayName("base URLs: one loopback server, one path prefix per API")
    void baseUrls() {
        assertTrue(apis.baseUrl("ebay").matches("http://127\\.0\\.0\\.1:\\d+/ebay"), apis.baseUrl("ebay"));
        assertEquals(apis.baseUrl("ebay").replace("/ebay", "/discogs"), apis.baseUrl("discogs"));
        assertThrows(IllegalArgumentException.class, () -> apis.baseUrl("telegram"));
    }

    @Test
    @DisplayName("every route answers its status and file as application/json, and every body is JSON")
    void everyRouteAnswersItsRecording() throws Exception {
        for (RecordedApis.Route route : routes()) {
            StringBuilder url = new StringBuilder(root());
            for (String segment : route.path()) {
                url.append('/').append(segment.equals("*") ? "12345" : segment.replace("|", "%7C"));
            }
            String query = route.query().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue().replace(" ", "%20")).collect(Collectors.joining("&"));
            HttpResponse<byte[]> reply = send(route.method(), url + (query.isEmpty() ? "" : "?" + query));
            String what = route.method() + " " + url + " -> " + route.file();
            assertEquals(route.status(), reply.statusCode(), what);
            assertEquals("application/json", reply.headers().firstValue("Content-Type").orElse(null), what);
            assertArrayEquals(route.body(), reply.body(), what);
            assertTrue(isJson(reply.body()), what + " is not JSON");
        }
    }

    @Test
    @DisplayName("every recording in the folder is a route's answer or an API's not-found body")
    void noRecordingIsUnused() throws Exception {
        Path folder = Path.of(RecordedApis.class.getResource(RecordedApis.ROUTES).toURI()).getParent();
        Set<String> used = new HashSet<>(List.of(RecordedApis.ROUTES, "README.md", "ebay/not_found.json",
                "discogs/not_found.json"));
        routes().forEach(r -> used.add(r.file()));
        try (Stream<Path> files = Files.walk(folder)) {
            List<String> unused = files.filter(Files::isRegularFile)
                    .map(f -> folder.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> !f.endsWith(".class") && !used.contains(f)).toList();
            assertEquals(List.of(), unused);
        }
    }

    @Test
    @DisplayName("eBay: token, the demo search and getItem, as the ebay plugin asks for them")
    void ebayAsThePluginAsks() throws Exception {
        HttpResponse<byte[]> token = http.send(HttpRequest.newBuilder(URI.create(apis.baseUrl("ebay") + "/identity/v1/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=https%3A%2F%2Fapi.ebay.com"
                        + "%2Foauth%2Fapi_scope")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, token.statusCode());
        assertEquals(List.of("7200"), values(token.body(), "expires_in"));

        HttpResponse<byte[]> search = get(apis.baseUrl("ebay") + "/buy/browse/v1/item_summary/search?q=jazz&category_ids=176985"
                + "&sort=newlyListed&limit=50&offset=0&filter=buyingOptions%3A%7BFIXED_PRICE%7D");
        assertEquals(200, search.statusCode());
        List<String> ids = values(search.body(), "itemId");
        assertEquals(8, ids.size());
        assertTrue(ids.stream().allMatch(id -> id.matches("v1\\|\\d{12}\\|0")), ids.toString());
        assertEquals(List.of("8"), values(search.body(), "total"));
        assertEquals(List.of(), values(search.body(), "next"), "one page");

        HttpResponse<byte[]> item = get(apis.baseUrl("ebay") + "/buy/browse/v1/item/v1%7C226074583190%7C0");
        assertEquals(200, item.statusCode());
        assertEquals(List.of("5060205157188"), values(item.body(), "gtin"));

        HttpResponse<byte[]> secondPage = get(apis.baseUrl("ebay") + "/buy/browse/v1/item_summary/search?q=jazz"
                + "&category_ids=176985&sort=newlyListed&limit=50&offset=50");
        assertEquals(404, secondPage.statusCode(), "no second page is recorded");
    }

    @Test
    @DisplayName("Discogs: searches, release, stats and suggestions as the discogs plugin asks, with rate-limit headers")
    void discogsAsThePluginAsks() throws Exception {
        String base = apis.baseUrl("discogs");
        HttpResponse<byte[]> byCatno = get(base + "/database/search?type=release&catno=ST-84024&per_page=50");
        assertEquals(List.of("3019955"), values(byCatno.body(), "id"));
        HttpResponse<byte[]> byText = get(base + "/database/search?type=release&q=carter%20slick&per_page=50");
        assertEquals(List.of("7698005"), values(byText.body(), "id"));
        HttpResponse<byte[]> byBarcode = get(base + "/database/search?type=release&barcode=5060205157188&per_page=50");
        assertEquals(List.of("9342979"), values(byBarcode.body(), "id"));
        HttpResponse<byte[]> unknown = get(base + "/database/search?type=release&catno=NOTEST84024&per_page=50");
        assertEquals(200, unknown.statusCode(), "a search that finds nothing is an empty page");
        assertEquals(List.of("0"), values(unknown.body(), "items"));

        HttpResponse<byte[]> stats = get(base + "/marketplace/stats/3019967?curr_abbr=USD");
        assertEquals(List.of("USD", "119.99", "7", "false"), values(stats.body(), "currency", "value", "num_for_sale",
                "blocked_from_sale"));
        HttpResponse<byte[]> suggestions = get(base + "/marketplace/price_suggestions/3019967");
        assertEquals(8, values(suggestions.body(), "value").size());
        assertEquals(List.of("5"), stats.headers().allValues("X-Discogs-Ratelimit-Used"));
        assertEquals(List.of("54"), suggestions.headers().allValues("X-Discogs-Ratelimit-Remaining"));
        assertEquals(List.of("60"), suggestions.headers().allValues("X-Discogs-Ratelimit"));

        HttpResponse<byte[]> release = get(base + "/releases/3019967");
        assertEquals("LPS-0019", values(release.body(), "catno").get(0), "the label's; the companies' follow");
        assertEquals(List.of("119.99"), values(release.body(), "lowest_price"));
    }

    @Test
    @DisplayName("unknown requests: 404 with each API's error body; every request is listed")
    void unknownRequests() throws Exception {
        HttpResponse<byte[]> item = get(apis.baseUrl("ebay") + "/buy/browse/v1/item/v1%7C999999999999%7C0");
        assertEquals(404, item.statusCode());
        assertEquals(List.of("11001"), values(item.body(), "errorId"));
        HttpResponse<byte[]> release = get(apis.baseUrl("discogs") + "/releases/1");
        assertEquals(404, release.statusCode());
        assertEquals(List.of("Release not found."), values(release.body(), "message"));
        HttpResponse<byte[]> label = get(apis.baseUrl("discogs") + "/labels/281");
        assertEquals(404, label.statusCode());
        assertEquals(List.of("The requested resource was not found."), values(label.body(), "message"));
        assertTrue(label.headers().firstValue("X-Discogs-Ratelimit-Remaining").isPresent());
        HttpResponse<byte[]> stats = get(apis.baseUrl("discogs") + "/marketplace/stats/3019967?curr_abbr=EUR");
        assertEquals(404, stats.statusCode(), "USD only");

        assertEquals(List.of("GET /ebay/buy/browse/v1/item/v1|999999999999|0", "GET /discogs/releases/1",
                "GET /discogs/labels/281", "GET /discogs/marketplace/stats/3019967"), apis.requests());
    }

    @Test
    @DisplayName("a bad routes line is refused with its line number; a missing file is named")
    void badRoutes() {
        IOException badLine = assertThrows(IOException.class, () -> RecordedApis.parse("GET /ebay/x 200 ebay/token.json", 7));
        assertTrue(badLine.getMessage().contains("line 7"), badLine.getMessage());
        IOException badQuery = assertThrows(IOException.class, () -> RecordedApis.parse("GET /ebay/x q -> 200 ebay/token.json", 3));
        assertTrue(badQuery.getMessage().contains("'q' is not key=value"), badQuery.getMessage());
        IOException missing = assertThrows(IOException.class, () -> RecordedApis.parse("GET /ebay/x -> 200 ebay/nope.json", 1));
        assertTrue(missing.getMessage().endsWith("io/vinyldetective/engine/demo/ebay/nope.json"), missing.getMessage());
    }

    private List<RecordedApis.Route> routes() throws IOException {
        List<RecordedApis.Route> routes = new ArrayList<>();
        String[] lines;
        try (var in = RecordedApis.class.getResourceAsStream(RecordedApis.ROUTES)) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
        }
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                routes.add(RecordedApis.parse(line, n + 1));
            }
        }
        assertTrue(routes.size() > 40, "routes read: " + routes.size());
        return routes;
    }

    private String root() {
        return apis.baseUrl("ebay").substring(0, apis.baseUrl("ebay").length() - "/ebay".length());
    }

    private HttpResponse<byte[]> get(String url) throws Exception {
        return send("GET", url);
    }

    private HttpResponse<byte[]> send(String method, String url) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        request.method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("")
                : HttpRequest.BodyPublishers.noBody());
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static boolean isJson(byte[] body) throws IOException {
        try (JsonParser parser = JSON.createParser(body)) {
            while (parser.nextToken() != null) {
                // reads to the end: throws on anything malformed
            }
            return true;
        } catch (com.fasterxml.jackson.core.JsonParseException e) {
            return false;
        }
    }

    /** The scalar values of the fields with these names, anywhere in the document, in document order. */
    private static List<String> values(byte[] body, String... names) throws IOException {
        Set<String> wanted = Set.of(names);
        List<String> found = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(body)) {
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                if (t == JsonToken.FIELD_NAME && wanted.contains(parser.currentName())) {
                    JsonToken value = parser.nextToken();
                    if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
                        found.add(parser.getText());
                    }
                }
            }
        }
        return found;
    }
}
