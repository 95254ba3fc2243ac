package id.slrt.registry.generator;

import java.time.LocalDate;

/**
 * What to generate: {@code people} people in the kabupaten/kota {@code district}, drawn from
 * {@code seed}. Ages, dates and the desil are relative to {@code asOf}, a fixed date rather than today,
 * so that the same seed gives the same rows on any day.
 */
public record GenerationRequest(String district, long seed, int people, ErrorRates errors, LocalDate asOf) {
    public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 6, 30);

    public GenerationRequest {
        if (district == null || !district.matches("\\d{4}")) {
            throw new IllegalArgumentException("district must be a 4-digit kabupaten/kota code, not " + district);
        }
        if (people < 1) {
            throw new IllegalArgumentException("people must be at least 1, not " + people);
        }
        if (errors == null) {
            errors = ErrorRates.DEFAULTS;
        }
        if (asOf == null) {
            asOf = DEFAULT_AS_OF;
        }
    }

    public static GenerationRequest of(String district, long seed, int people) {
        return new GenerationRequest(district, seed, people, ErrorRates.DEFAULTS, DEFAULT_AS_OF);
    }

    public GenerationRequest withErrors(ErrorRates rates) {
        return new GenerationRequest(district, seed, people, rates, asOf);
    }

    public String province() {
        return district.substring(0, 2);
    }
}
