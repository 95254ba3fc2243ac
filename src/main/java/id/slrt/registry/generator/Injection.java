package id.slrt.registry.generator;

/** The known errors the generator can put into a person's data (see {@link ErrorRates}). */
enum Injection {
    NIK_LENGTH, ACCOUNT_NUMBER, DUPLICATE_PERSON, OLD_SPELLING
}
