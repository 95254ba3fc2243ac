package id.slrt.registry;

/** Open data-quality findings of one kind in one desa. */
public record QualityCount(String regionCode, String code, String severity, long households, long findings) {
}
