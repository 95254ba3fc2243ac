package id.slrt.program;

import id.slrt.audit.AuditLog;
import id.slrt.platform.Paged;
import id.slrt.platform.ProblemException;
import id.slrt.platform.ProblemException.FieldError;
import id.slrt.platform.SlrtProperties;
import id.slrt.program.internal.ProgramRepository;
import id.slrt.shared.CurrentActor;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and edits the program catalogue. Anyone reads published programs; administrators read all and
 * edit them. An edit must carry the version it was based on (a stale edit is refused, never merged) and
 * is audited field by field in the same transaction.
 */
@Service
public class ProgramCatalogue {
    public static final String ENTITY = "program";
    public static final String EDITOR_ROLE = "ADMIN";
    static final int MAX_NAME = 160;
    static final int MAX_TEXT = 4000;
    static final int MAX_BENEFITS = 20;
    static final int MAX_DOCUMENTS = 20;

    private final ProgramRepository programs;
    private final AuditLog audit;
    private final Clock clock;
    private final SlrtProperties props;

    ProgramCatalogue(ProgramRepository programs, AuditLog audit, Clock clock, SlrtProperties props) {
        this.programs = programs;
        this.audit = audit;
        this.clock = clock;
        this.props = props;
    }

    // --- reading -----------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Paged<Program> list(ProgramFilter filter, int page, int size) {
        return programs.list(filter, page, size);
    }

    /** A published program, as the public sees it. */
    @Transactional(readOnly = true)
    public Optional<Program> findPublished(String code) {
        return programs.find(code).filter(Program::published);
    }

    /** Any program, published or not (for administrators). */
    @Transactional(readOnly = true)
    public Optional<Program> find(String code) {
        return programs.find(code);
    }

    /** The published programs with these codes, in the order asked, skipping unknown or unpublished ones. */
    @Transactional(readOnly = true)
    public List<Program> publishedByCodes(List<String> codes) {
        return codes.stream().map(programs::find).flatMap(Optional::stream).filter(Program::published).toList();
    }

    /** Today in the district, for "has this program ended?". */
    public LocalDate today() {
        return clock.instant().atZone(props.timezone()).toLocalDate();
    }

    // --- editing -----------------------------------------------------------------------------------

    @Transactional
    public Program update(String code, ProgramForm form, CurrentActor by) {
        if (by == null || !EDITOR_ROLE.equals(by.role())) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "program.forbidden");
        }
        Program current = programs.find(code).orElseThrow(() -> ProblemException.notFound("program.not-found", code));
        validate(form);
        if (form.version() == null || form.version() != current.version()) {
            throw ProblemException.conflict("program.stale");
        }
        Instant now = clock.instant();
        Program next = new Program(code, form.name().trim(), form.purpose().trim(), form.audience().trim(),
                cleanBenefits(form.benefits()), blankToNull(form.benefitNote()), cleanDocuments(form.documents()),
                form.howToApply().trim(), form.whereToApply().trim(), blankToNull(form.contact()), form.scope(),
                form.sector(), form.activeFrom(), form.activeUntil(), Boolean.TRUE.equals(form.published()),
                current.version() + 1, now, by.username());
        if (!programs.update(next, form.version(), now)) {
            throw ProblemException.conflict("program.stale");
        }
        audit.record("PROGRAM_UPDATED", ENTITY, code, null, AuditLog.diff(snapshot(current), snapshot(next)), null);
        return next;
    }

    private static void validate(ProgramForm f) {
        List<FieldError> errors = new ArrayList<>();
        text(errors, "name", f.name(), MAX_NAME, true);
        text(errors, "purpose", f.purpose(), MAX_TEXT, true);
        text(errors, "audience", f.audience(), MAX_TEXT, true);
        text(errors, "howToApply", f.howToApply(), MAX_TEXT, true);
        text(errors, "whereToApply", f.whereToApply(), MAX_TEXT, true);
        text(errors, "benefitNote", f.benefitNote(), MAX_TEXT, false);
        text(errors, "contact", f.contact(), MAX_TEXT, false);
        if (f.scope() == null) {
            errors.add(new FieldError("scope", "NotBlank"));
        }
        if (f.sector() == null) {
            errors.add(new FieldError("sector", "NotBlank"));
        }
        if (f.activeFrom() != null && f.activeUntil() != null && f.activeUntil().isBefore(f.activeFrom())) {
            errors.add(new FieldError("activeUntil", "program.until-before-from"));
        }
        List<Benefit> benefits = f.benefits() == null ? List.of() : f.benefits();
        if (benefits.size() > MAX_BENEFITS) {
            errors.add(new FieldError("benefits", "program.too-many", MAX_BENEFITS));
        }
        for (int i = 0; i < benefits.size(); i++) {
            Benefit b = benefits.get(i);
            String at = "benefits[" + i + "].";
            if (b == null) {
                errors.add(new FieldError(at + "label", "NotBlank"));
                continue;
            }
            text(errors, at + "label", b.label(), MAX_NAME * 2, true);
            if (b.amountRp() != null && b.amountRp() < 0) {
                errors.add(new FieldError(at + "amountRp", "program.amount-negative"));
            }
            if (b.validFrom() == null) {
                errors.add(new FieldError(at + "validFrom", "NotBlank"));
            }
        }
        List<String> documents = f.documents() == null ? List.of() : f.documents();
        if (documents.size() > MAX_DOCUMENTS) {
            errors.add(new FieldError("documents", "program.too-many", MAX_DOCUMENTS));
        }
        if (documents.stream().anyMatch(d -> d != null && d.length() > MAX_NAME * 2)) {
            errors.add(new FieldError("documents", "program.too-long", MAX_NAME * 2));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static void text(List<FieldError> errors, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "NotBlank"));
            }
        } else if (value.trim().length() > max) {
            errors.add(new FieldError(field, "program.too-long", max));
        }
    }

    private static List<Benefit> cleanBenefits(List<Benefit> benefits) {
        return benefits == null ? List.of() : benefits.stream()
                .map(b -> new Benefit(b.label().trim(), b.amountRp(), b.per(), b.validFrom(), b.verified())).toList();
    }

    private static List<String> cleanDocuments(List<String> documents) {
        return documents == null ? List.of() : documents.stream().filter(Objects::nonNull).map(String::trim)
                .filter(d -> !d.isEmpty()).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Map<String, Object> snapshot(Program p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("purpose", p.purpose());
        m.put("audience", p.audience());
        m.put("benefits", p.benefits().stream().map(ProgramCatalogue::benefitText).toList());
        m.put("benefitNote", p.benefitNote());
        m.put("documents", p.documents());
        m.put("howToApply", p.howToApply());
        m.put("whereToApply", p.whereToApply());
        m.put("contact", p.contact());
        m.put("scope", p.scope().name());
        m.put("sector", p.sector().name());
        m.put("activeFrom", p.activeFrom() == null ? null : p.activeFrom().toString());
        m.put("activeUntil", p.activeUntil() == null ? null : p.activeUntil().toString());
        m.put("published", p.published());
        return m;
    }

    private static String benefitText(Benefit b) {
        return b.label() + " | " + (b.amountRp() == null ? "-" : b.amountRp()) + " | " + (b.per() == null ? "-" : b.per())
                + " | " + b.validFrom() + (b.verified() ? " | verified" : "");
    }
}
