package id.slrt.registry.generator;

import id.slrt.registry.ValidationResult;

/** The quality flag of a household or member row: the worst finding of the validators. */
enum Quality {
    OK, WARNING, ERROR;

    static Quality of(ValidationResult result) {
        if (!result.errors().isEmpty()) {
            return ERROR;
        }
        return result.warnings().isEmpty() ? OK : WARNING;
    }

    Quality worst(Quality other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
