package id.slrt.updating;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/** The fields of an update period as entered on the form or sent to the API. */
public record PeriodForm(String name, @DateTimeFormat(iso = ISO.DATE) LocalDate opensOn, @DateTimeFormat(iso = ISO.DATE) LocalDate desaCutoff, @DateTimeFormat(iso = ISO.DATE) LocalDate kecamatanCutoff,
                         @DateTimeFormat(iso = ISO.DATE) LocalDate districtCutoff, Integer version) {

    public static PeriodForm empty() {
        return new PeriodForm(null, null, null, null, null, null);
    }

    public static PeriodForm of(UpdatePeriod p) {
        return new PeriodForm(p.name(), p.opensOn(), p.desaCutoff(), p.kecamatanCutoff(), p.districtCutoff(),
                p.version());
    }
}
