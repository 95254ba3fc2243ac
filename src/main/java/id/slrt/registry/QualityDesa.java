package id.slrt.registry;

/** Open data-quality findings of one desa: errors, warnings, and the households they concern. */
public record QualityDesa(String regionCode, long errors, long warnings, long households) {
}
