package id.slrt.referral;

import id.slrt.access.AgencyDirectory;
import id.slrt.audit.AuditLog;
import id.slrt.platform.ProblemException.FieldError;
import id.slrt.referral.internal.AgencyRepository;
import id.slrt.shared.CurrentActor;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The partner agencies and program units referrals go to (reference data the administrator edits; every
 * change audited). An agency is never removed: it is made inactive, so old referrals keep their name.
 */
@Service
public class Agencies implements AgencyDirectory {
    static final String ENTITY = "partner_agency";
    private final AgencyRepository agencies;
    private final AuditLog audit;
    private final Clock clock;

    Agencies(AgencyRepository agencies, AuditLog audit, Clock clock) {
        this.agencies = agencies;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<PartnerAgency> all() {
        return agencies.all();
    }

    /** Active agencies as code → name: what a partner (MITRA) user's agency may be. */
    @Override
    @Transactional(readOnly = true)
    public Map<String, String> agencies() {
        Map<String, String> map = new LinkedHashMap<>();
        active().forEach(a -> map.put(a.code(), a.name()));
        return map;
    }

    @Transactional(readOnly = true)
    public List<PartnerAgency> active() {
        return agencies.all().stream().filter(PartnerAgency::active).toList();
    }

    @Transactional(readOnly = true)
    public Optional<PartnerAgency> find(String code) {
        return code == null ? Optional.empty() : agencies.find(code.trim());
    }

    /** What is wrong with an agency as typed, per field; empty when it may be saved. */
    public List<FieldError> check(PartnerAgency a) {
        List<FieldError> errors = new ArrayList<>();
        if (a.code() == null || !a.code().trim().matches("[A-Z0-9_]{2,30}")) {
            errors.add(new FieldError("code", "referral.agency.code-invalid"));
        }
        if (a.name() == null || a.name().isBlank() || a.name().strip().length() > 160) {
            errors.add(new FieldError("name", "referral.required"));
        }
        if (!PartnerAgency.KINDS.contains(a.kind())) {
            errors.add(new FieldError("kind", "referral.required"));
        }
        if (a.email() != null && !a.email().isBlank() && !a.email().strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.add(new FieldError("email", "referral.agency.email-invalid"));
        }
        if (a.acceptDays() < 0 || a.acceptDays() > 60) {
            errors.add(new FieldError("acceptDays", "referral.agency.days-invalid", 0, 60));
        }
        if (a.completeDays() < 0 || a.completeDays() > 365) {
            errors.add(new FieldError("completeDays", "referral.agency.days-invalid", 0, 365));
        }
        return errors;
    }

    /** Adds an agency (administrator). */
    @Transactional
    public PartnerAgency create(PartnerAgency form, CurrentActor by) {
        requireAdmin(by);
        PartnerAgency a = clean(form);
        List<FieldError> errors = new ArrayList<>(check(a));
        if (errors.isEmpty() && agencies.find(a.code()).isPresent()) {
            errors.add(new FieldError("code", "referral.agency.code-taken"));
        }
        if (!errors.isEmpty()) {
            throw ReferralProblem.invalidInput(errors);
        }
        agencies.insert(a, clock.instant(), by.username());
        audit.record("PARTNER_AGENCY_CREATED", ENTITY, a.code(), null, AuditLog.diff(Map.of(), snapshot(a)), null);
        return agencies.find(a.code()).orElseThrow();
    }

    /** Changes an agency (administrator); {@code version} guards against a stale edit. */
    @Transactional
    public PartnerAgency update(String code, PartnerAgency form, Integer version, CurrentActor by) {
        requireAdmin(by);
        PartnerAgency current = agencies.find(code).orElseThrow(() ->
                new ReferralProblem(org.springframework.http.HttpStatus.NOT_FOUND, "not-found",
                        "referral.agency.not-found"));
        PartnerAgency a = clean(new PartnerAgency(code, form.name(), form.kind(), form.email(), form.phone(),
                form.acceptDays(), form.completeDays(), form.active(), current.version()));
        List<FieldError> errors = check(a);
        if (!errors.isEmpty()) {
            throw ReferralProblem.invalidInput(errors);
        }
        int expected = version == null ? current.version() : version;
        if (!agencies.update(a, expected, clock.instant(), by.username())) {
            throw ReferralProblem.stale();
        }
        audit.record("PARTNER_AGENCY_UPDATED", ENTITY, code, null, AuditLog.diff(snapshot(current), snapshot(a)), null);
        return agencies.find(code).orElseThrow();
    }

    private static void requireAdmin(CurrentActor by) {
        if (!"ADMIN".equals(by.role())) {
            throw ReferralProblem.forbidden();
        }
    }

    private static PartnerAgency clean(PartnerAgency a) {
        return new PartnerAgency(a.code() == null ? null : a.code().trim().toUpperCase(java.util.Locale.ROOT),
                trim(a.name()), a.kind(), trim(a.email()), trim(a.phone()), a.acceptDays(), a.completeDays(),
                a.active(), a.version());
    }

    private static Map<String, Object> snapshot(PartnerAgency a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.name());
        m.put("kind", a.kind());
        m.put("email", a.email());
        m.put("phone", a.phone());
        m.put("acceptDays", a.acceptDays());
        m.put("completeDays", a.completeDays());
        m.put("active", a.active());
        return m;
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
