package id.slrt.platform;

import java.util.List;

/**
 * One page of a server-side paged list. {@code page} is 0-based. {@code more} says the list was counted only
 * up to {@code total} and goes on (very long lists are not counted to the end for every page).
 */
public record Paged<T>(List<T> items, int page, int size, long total, boolean more) {

    public Paged(List<T> items, int page, int size, long total) {
        this(items, page, size, total, false);
    }

    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < totalPages();
    }

    public long firstItem() {
        return total == 0 ? 0 : (long) page * size + 1;
    }

    public long lastItem() {
        return Math.min(total, (long) (page + 1) * size);
    }

    /** Clamps a requested page size to something a list page may show. */
    public static int size(Integer requested) {
        if (requested == null || requested < 1) {
            return 25;
        }
        return Math.min(requested, 200);
    }
}
