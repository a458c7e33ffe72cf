package io.vinyldetective.engine.wants;

import io.vinyldetective.api.MediaFormat;
import java.util.List;

/**
 * Watches that share one marketplace query: the terms of their releases (artists, or catalog numbers
 * and titles where the artist says nothing) in one OR group, in one format's category.
 *
 * @param id     the batch's stable number
 * @param format the category searched, or null for every music format
 * @param query  the marketplace query, in the source's syntax
 * @param wants  the active watches it serves
 */
public record WatchBatch(long id, MediaFormat format, String query, List<Want> wants) {

    public WatchBatch {
        wants = List.copyOf(wants);
    }
}
