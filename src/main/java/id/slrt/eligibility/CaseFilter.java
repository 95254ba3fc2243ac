package id.slrt.eligibility;

/** Filters of a run's case list: region prefix (within the reader's scope), program, kind, acted on or not. */
public record CaseFilter(String region, String program, CaseKind kind, Boolean open) {
}
