package io.vinyldetective.plugins.discogs;

import io.vinyldetective.api.MediaFormat;
import io.vinyldetective.api.PluginException;
import io.vinyldetective.api.Release;
import io.vinyldetective.api.Urgency;
import io.vinyldetective.api.Wantlist;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lists that take several pages: a user's wantlist ({@code GET /users/{username}/wants}) and a master's
 * pressings ({@code GET /masters/{id}/versions}), read page by page at {@value #PER_PAGE} a page (the
 * most Discogs allows), every request through the paced client. A failure part-way through throws, so
 * a list is never taken for whole when it is not.
 *
 * <p>A wantlist entry carries {@code basic_information} in the shape of a release (id, title,
 * artists, labels with catalog numbers, formats, year and, in current answers, {@code master_id}), so
 * it maps like a release without barcodes. A version carries one label and catalog number, the format
 * as text and in {@code major_formats}, the country and the year it was released.
 */
final class WantlistReader {

    static final int PER_PAGE = 100;
    /** The most pages read of one list (10,000 entries): a bound, not an expected size. */
    static final int MAX_PAGES = 100;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern YEAR = Pattern.compile("^(\\d{4})");

    private final DiscogsClient client;

    WantlistReader(DiscogsClient client) {
        this.client = client;
    }

    /** The whole wantlist, or why it cannot be read. */
    Wantlist wantlist(String username, Urgency urgency, System.Logger log) {
        String name = username == null ? "" : username.strip();
        if (!USERNAME.matcher(name).matches()) {
            return Wantlist.refused(name.isEmpty() ? "?" : name, Wantlist.Access.NO_SUCH_USER);
        }
        String path = "/users/" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "/wants";
        List<Release> wants = new ArrayList<>();
        int skipped = 0;
        for (int page = 1; page <= MAX_PAGES; page++) {
            DiscogsClient.Answer answer = client.get(path, pageQuery(page), urgency, null);
            if (answer.status() == 404) {
                return Wantlist.refused(name, Wantlist.Access.NO_SUCH_USER);
            }
            if (answer.status() == 403) {
                return Wantlist.refused(name, Wantlist.Access.PRIVATE);
            }
            if (!answer.ok()) {
                throw new PluginException.RetryLater("Discogs wantlist page " + page + " answered HTTP " + answer.status(),
                        null);
            }
            for (JsonDoc entry : answer.json().objects("wants")) {
                JsonDoc basic = entry.object("basic_information");
                Optional<Release> release = basic == null ? Optional.empty() : ReleaseMapper.fromRelease(basic);
                if (release.isPresent()) {
                    wants.add(release.get());
                } else {
                    skipped++;
                }
            }
            if (page >= pages(answer.json())) {
                break;
            }
        }
        if (skipped > 0) {
            log.log(System.Logger.Level.WARNING, "Discogs wantlist of {0}: skipped {1} entries without id or title",
                    name, skipped);
        }
        return Wantlist.read(name, wants);
    }

    /** Every pressing of a master; empty when Discogs does not know the master. */
    List<Release> versions(long masterId, List<String> artists, Urgency urgency) {
        if (masterId <= 0) {
            return List.of();
        }
        String path = "/masters/" + masterId + "/versions";
        Map<Long, Release> versions = new LinkedHashMap<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            DiscogsClient.Answer answer = client.get(path, pageQuery(page), urgency, null);
            if (answer.status() == 404) {
                return List.of();
            }
            if (!answer.ok()) {
                throw new PluginException.RetryLater("Discogs versions of master " + masterId + " answered HTTP "
                        + answer.status(), null);
            }
            for (JsonDoc version : answer.json().objects("versions")) {
                version(version, masterId, artists).ifPresent(r -> versions.putIfAbsent(r.id(), r));
            }
            if (page >= pages(answer.json())) {
                break;
            }
        }
        return List.copyOf(versions.values());
    }

    static Optional<Release> version(JsonDoc json, long masterId, List<String> artists) {
        Long id = json.longValue("id");
        String title = json.string("title");
        if (id == null || id <= 0 || title == null || title.isBlank()) {
            return Optional.empty();
        }
        String catno = ReleaseMapper.catalogNumber(json.string("catno"));
        String label = json.string("label");
        List<Release.LabelCatalogNumber> labels = label == null && catno == null ? List.of()
                : List.of(new Release.LabelCatalogNumber(label, catno));
        List<String> major = json.strings("major_formats");
        MediaFormat format = major.isEmpty() ? null : MediaFormat.fromName(major.get(0));
        String description = json.string("format");
        if (!major.isEmpty()) {
            description = major.get(0) + (description == null || description.isBlank() ? "" : ", " + description);
        }
        return Optional.of(new Release(id, title.strip(), artists, labels, List.of(), format, description,
                json.string("country"), year(json.string("released")), masterId));
    }

    private static Integer year(String released) {
        if (released == null) {
            return null;
        }
        Matcher m = YEAR.matcher(released.strip());
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    private static int pages(JsonDoc page) {
        JsonDoc pagination = page.object("pagination");
        Long pages = pagination == null ? null : pagination.longValue("pages");
        return pages == null ? 1 : (int) Math.min(Integer.MAX_VALUE, pages);
    }

    private static Map<String, String> pageQuery(int page) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("page", String.valueOf(page));
        query.put("per_page", String.valueOf(PER_PAGE));
        return query;
    }
}
