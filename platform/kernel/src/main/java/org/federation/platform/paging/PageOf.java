package org.federation.platform.paging;

import java.util.List;

/**
 * One page of a list, newest first unless the endpoint says otherwise.
 *
 * @param items      the items on this page
 * @param page       zero-based page number
 * @param size       the page size asked for
 * @param totalItems how many items there are in all
 */
public record PageOf<T>(List<T> items, int page, int size, long totalItems) {

    /** The largest page any list endpoint hands out. */
    public static final int MAX_SIZE = 100;
}
