package id.slrt.updating;

/**
 * One field of a request as a reviewer sees it: the value the maker saw ({@code base}), the registry's
 * value now ({@code current}) and the proposed value. {@code conflict} means the registry changed
 * this field after the request was made: a reviewer must decide which value wins.
 */
public record FieldDiff(String key, String base, String current, String proposed, boolean conflict) {
}
