package id.slrt.updating;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/** What a desa operator enters about a deliberation; {@code regionCode} defaults to the operator's desa. */
public record MusdesForm(String kind, String regionCode, @DateTimeFormat(iso = ISO.DATE) LocalDate heldOn, String place, Integer attendanceCount,
                         String chairedBy, String notes, Integer version) {

    public static MusdesForm empty(String regionCode) {
        return new MusdesForm("MUSDES", regionCode, null, null, null, null, null, null);
    }

    public static MusdesForm of(Musdes m) {
        return new MusdesForm(m.kind().name(), m.regionCode(), m.heldOn(), m.place(), m.attendanceCount(),
                m.chairedBy(), m.notes(), m.version());
    }
}
