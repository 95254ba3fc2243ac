package id.slrt.program;

import java.time.LocalDate;
import java.util.List;

/** The editable fields of a program as sent to the API or built from the admin form; send the version you read. */
public record ProgramForm(String name, String purpose, String audience, List<Benefit> benefits, String benefitNote,
                          List<String> documents, String howToApply, String whereToApply, String contact,
                          Program.Scope scope, Sector sector, LocalDate activeFrom, LocalDate activeUntil,
                          Boolean published, Integer version) {

    public static ProgramForm of(Program p) {
        return new ProgramForm(p.name(), p.purpose(), p.audience(), p.benefits(), p.benefitNote(), p.documents(),
                p.howToApply(), p.whereToApply(), p.contact(), p.scope(), p.sector(), p.activeFrom(), p.activeUntil(),
                p.published(), p.version());
    }
}
