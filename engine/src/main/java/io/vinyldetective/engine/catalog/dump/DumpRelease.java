package io.vinyldetective.engine.catalog.dump;

import io.vinyldetective.api.Release;

import java.util.List;

/**
 * One release as read from a dump: the catalog record plus what only the dump carries.
 *
 * @param release     the release, labels in canonical order, barcodes as digits
 * @param rawBarcodes the barcodes as printed, one per entry of {@code release.barcodes()}
 * @param genres      genres joined with {@code ", "}, or null
 * @param styles      styles joined with {@code ", "}, or null
 */
public record DumpRelease(Release release, List<String> rawBarcodes, String genres, String styles) {
}
