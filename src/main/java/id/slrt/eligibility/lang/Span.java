package id.slrt.eligibility.lang;

/** A stretch of the rule's text, as character offsets (end exclusive). */
public record Span(int start, int end) {
    public Span to(Span other) {
        return new Span(Math.min(start, other.start), Math.max(end, other.end));
    }
}
