package id.slrt.program;

import java.util.Set;

/**
 * A search in the catalogue: free text over code, name, purpose and audience (and sectors whose name
 * contains it), a sector, whether unpublished programs are included (administrators only), a sort key.
 */
public record ProgramFilter(String q, Set<Sector> sectorsNamedByQ, Sector sector, boolean includeUnpublished,
                            String sort, boolean descending) {
    public static final Set<String> SORTS = Set.of("code", "name", "sector", "updated");

    public ProgramFilter {
        q = q == null || q.isBlank() ? null : q.trim();
        sectorsNamedByQ = sectorsNamedByQ == null ? Set.of() : Set.copyOf(sectorsNamedByQ);
        sort = sort != null && SORTS.contains(sort) ? sort : "name";
    }

    /**
     * What the public searches: published programs whose name, purpose or audience contains {@code q},
     * or whose sector's name (in the reader's language, matched by the caller) does.
     */
    public static ProgramFilter published(String q, Set<Sector> sectorsNamedByQ, Sector sector) {
        return new ProgramFilter(q, sectorsNamedByQ, sector, false, "name", false);
    }
}
