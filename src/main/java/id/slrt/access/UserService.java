package id.slrt.access;

import id.slrt.access.internal.TokenCache;
import id.slrt.access.internal.TokenRepository;
import id.slrt.access.internal.UserRepository;
import id.slrt.audit.AuditLog;
import id.slrt.audit.Change;
import id.slrt.platform.Paged;
import id.slrt.platform.ProblemException;
import id.slrt.platform.ProblemException.FieldError;
import id.slrt.region.Region;
import id.slrt.region.RegionService;
import id.slrt.shared.CurrentActor;
import id.slrt.shared.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Managing users. What a caller may see is decided by row-level security (the caller's region
 * scope); who may change users is decided by the web layer's role rules (administrators).
 */
@Service
public class UserService {
    public static final String ENTITY = "user";

    private final UserRepository users;
    private final TokenRepository tokens;
    private final RegionService regions;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;
    private final TokenCache tokenCache;
    private final org.springframework.beans.factory.ObjectProvider<AgencyDirectory> agencies;
    private final ApplicationEventPublisher events;

    UserService(UserRepository users, TokenRepository tokens, RegionService regions, PasswordEncoder encoder,
                AuditLog audit, Clock clock, TokenCache tokenCache,
                org.springframework.beans.factory.ObjectProvider<AgencyDirectory> agencies,
                ApplicationEventPublisher events) {
        this.events = events;
        this.tokenCache = tokenCache;
        this.agencies = agencies;
        this.users = users;
        this.tokens = tokens;
        this.regions = regions;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    /** The agencies a partner user may belong to (code → name); empty when no module provides them. */
    public Map<String, String> agencyChoices() {
        AgencyDirectory directory = agencies.getIfAvailable();
        return directory == null ? Map.of() : directory.agencies();
    }

    /** A created user and, when none was given, the temporary password to hand over (shown once). */
    public record Created(UserAccount user, String temporaryPassword) {
    }

    @Transactional(readOnly = true)
    public Paged<UserAccount> list(UserFilter filter, int page, int size) {
        return users.list(filter, page, size);
    }

    /** Enabled users per role (every role present, zero when none), in the caller's scope. */
    @Transactional(readOnly = true)
    public Map<Role, Long> countActiveByRole() {
        Map<Role, Long> counts = new java.util.EnumMap<>(Role.class);
        for (Role r : Role.values()) {
            counts.put(r, 0L);
        }
        counts.putAll(users.countActiveByRole());
        return counts;
    }

    /**
     * The field staff who make change requests (desa operators and facilitators), enabled, in the
     * caller's scope, optionally narrowed to a region prefix: the people operator monitoring watches.
     */
    @Transactional(readOnly = true)
    public List<UserAccount> fieldStaff(String regionPrefix) {
        return users.enabledWithRoles(List.of(Role.OPERATOR_DESA, Role.FASILITATOR), regionPrefix);
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> find(UUID id) {
        return users.find(id);
    }

    // --- contacts for notifications (used by other modules' reminders) ---------------------------

    /** Enabled users of {@code role} whose scope covers {@code regionCode} (e.g. the supervisors of a desa's kecamatan). */
    @Transactional(readOnly = true)
    public List<UserContact> contactsCovering(Role role, String regionCode) {
        return users.contactsCovering(role, regionCode);
    }

    /** The principal the enabled user with this user name logs in as, if visible in the caller's scope. */
    @Transactional(readOnly = true)
    public Optional<SlrtUser> principal(String username) {
        return users.findByUsername(username).filter(UserAccount::enabled).map(ActAs::principal);
    }

    /** The enabled user with this user name, if visible in the caller's scope. */
    @Transactional(readOnly = true)
    public Optional<UserContact> contact(String username) {
        return users.contact(username);
    }

    @Transactional
    public Created create(UserForm form, CurrentActor by) {
        String username = normalizeUsername(form.username());
        List<FieldError> errors = validate(form, username, true);
        if (users.usernameExists(username)) {
            errors.add(new FieldError("username", "user.username.taken", username));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String password = blank(form.password()) ? Passwords.temporary() : form.password();
        boolean temporary = blank(form.password());
        Instant now = clock.instant();
        UserAccount user = new UserAccount(Ids.newId(), username, form.fullName().trim(), trimToNull(form.email()),
                trimToNull(form.phone()), form.role(), form.regionCode().trim(), agencyOf(form), true, true, 0, null,
                null, 0, now, by.username(), now, by.username());
        users.insert(user, encoder.encode(password));
        Map<String, Change> changes = new LinkedHashMap<>(AuditLog.diff(Map.of(), snapshot(user)));
        changes.put("password", Change.masked());
        audit.record("USER_CREATED", ENTITY, user.id().toString(), user.regionCode(), changes, null);
        events.publishEvent(new UsersChanged(user.username()));
        return new Created(user, temporary ? password : null);
    }

    @Transactional
    public UserAccount update(UUID id, UserForm form, CurrentActor by) {
        UserAccount current = users.find(id).orElseThrow(() -> ProblemException.notFound("user.not-found"));
        List<FieldError> errors = validate(form, current.username(), false);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (form.version() == null || form.version() != current.version()) {
            throw ProblemException.conflict("user.conflict");
        }
        Instant now = clock.instant();
        UserAccount changed = new UserAccount(id, current.username(), form.fullName().trim(), trimToNull(form.email()),
                trimToNull(form.phone()), form.role(), form.regionCode().trim(), agencyOf(form), current.enabled(),
                current.mustChangePassword(), current.failedLogins(), current.lockedUntil(), current.lastLoginAt(),
                current.version() + 1, current.createdAt(), current.createdBy(), now, by.username());
        if (!users.updateProfile(changed, form.version())) {
            throw ProblemException.conflict("user.conflict");
        }
        tokenCache.clear(); // the role or scope a token stands for may have changed
        audit.record("USER_UPDATED", ENTITY, id.toString(), changed.regionCode(),
                AuditLog.diff(snapshot(current), snapshot(changed)), null);
        events.publishEvent(new UsersChanged(changed.username()));
        return changed;
    }

    @Transactional
    public void setEnabled(UUID id, boolean enabled, CurrentActor by) {
        UserAccount user = users.find(id).orElseThrow(() -> ProblemException.notFound("user.not-found"));
        if (!enabled && user.id().equals(by.userId())) {
            throw ProblemException.conflict("user.cannot-disable-self");
        }
        if (user.enabled() == enabled) {
            return;
        }
        Instant now = clock.instant();
        users.setEnabled(id, enabled, now, by.username());
        if (!enabled) {
            tokens.revokeAllOf(id, now, by.username());
            tokenCache.clear();
        }
        audit.record(enabled ? "USER_ENABLED" : "USER_DISABLED", ENTITY, id.toString(), user.regionCode(),
                Map.of("enabled", new Change(user.enabled(), enabled)), null);
        events.publishEvent(new UsersChanged(user.username()));
    }

    /** Sets a new temporary password the user must change at next log-in; returns it (shown once). */
    @Transactional
    public String resetPassword(UUID id, CurrentActor by) {
        UserAccount user = users.find(id).orElseThrow(() -> ProblemException.notFound("user.not-found"));
        String password = Passwords.temporary();
        users.setPassword(id, encoder.encode(password), true, clock.instant(), by.username());
        audit.record("PASSWORD_RESET", ENTITY, id.toString(), user.regionCode(),
                Map.of("password", Change.masked()), null);
        return password;
    }

    /** The user changes their own password, proving the current one. */
    @Transactional
    public void changeOwnPassword(CurrentActor me, String current, String next, String confirm) {
        String hash = users.passwordHash(me.userId()).orElseThrow(() -> ProblemException.notFound("user.not-found"));
        List<FieldError> errors = new ArrayList<>();
        if (current == null || !encoder.matches(current, hash)) {
            errors.add(new FieldError("currentPassword", "password.current-wrong"));
        }
        String problem = Passwords.problem(next, me.username());
        if (problem != null) {
            errors.add(new FieldError("newPassword", problem, Passwords.MIN_LENGTH));
        } else if (current != null && current.equals(next)) {
            errors.add(new FieldError("newPassword", "password.same-as-current"));
        }
        if (next != null && !next.equals(confirm)) {
            errors.add(new FieldError("confirmPassword", "password.mismatch"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        users.setPassword(me.userId(), encoder.encode(next), false, clock.instant(), me.username());
        audit.record("PASSWORD_CHANGED", ENTITY, me.userId().toString(), me.regionScope(),
                Map.of("password", Change.masked()), null);
    }

    private List<FieldError> validate(UserForm form, String username, boolean creating) {
        List<FieldError> errors = new ArrayList<>();
        if (creating && (username == null || !username.matches("[a-z0-9._-]{3,40}"))) {
            errors.add(new FieldError("username", "user.username.invalid"));
        }
        if (blank(form.fullName())) {
            errors.add(new FieldError("fullName", "NotBlank"));
        } else if (form.fullName().trim().length() > 100) {
            errors.add(new FieldError("fullName", "user.too-long", 100));
        }
        if (!blank(form.email()) && !form.email().trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.add(new FieldError("email", "user.email.invalid"));
        }
        if (!blank(form.phone()) && !form.phone().trim().matches("\\+?[0-9 -]{8,20}")) {
            errors.add(new FieldError("phone", "user.phone.invalid"));
        }
        if (form.role() == null) {
            errors.add(new FieldError("role", "NotBlank"));
        }
        validateScope(form, errors);
        if (form.role() == Role.MITRA && blank(form.agency())) {
            errors.add(new FieldError("agency", "user.agency.required"));
        } else if (form.role() == Role.MITRA && !agencyChoices().isEmpty()
                && !agencyChoices().containsKey(form.agency().trim())) {
            errors.add(new FieldError("agency", "user.agency.unknown"));
        }
        if (creating && !blank(form.password())) {
            String problem = Passwords.problem(form.password(), username);
            if (problem != null) {
                errors.add(new FieldError("password", problem, Passwords.MIN_LENGTH));
            }
        }
        return errors;
    }

    private void validateScope(UserForm form, List<FieldError> errors) {
        String code = form.regionCode() == null ? "" : form.regionCode().trim();
        if (code.isEmpty()) {
            errors.add(new FieldError("regionCode", "NotBlank"));
            return;
        }
        Optional<Region> region = regions.find(code);
        if (region.isEmpty()) {
            errors.add(new FieldError("regionCode", "region.unknown", code));
        } else if (!regions.isInDistrict(code)) {
            errors.add(new FieldError("regionCode", "user.scope.outside-district", code, regions.district().name()));
        } else if (form.role() != null && !form.role().acceptsScopeLevel(region.get().level())) {
            errors.add(new FieldError("regionCode", "user.scope.level." + form.role().name()));
        }
    }

    private static Map<String, Object> snapshot(UserAccount u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", u.username());
        m.put("fullName", u.fullName());
        m.put("email", u.email());
        m.put("phone", u.phone());
        m.put("role", u.role().name());
        m.put("regionCode", u.regionCode());
        m.put("agency", u.agency());
        return m;
    }

    private static String agencyOf(UserForm form) {
        return form.role() == Role.MITRA ? trimToNull(form.agency()) : null;
    }

    static String normalizeUsername(String username) {
        return username == null ? null : username.trim().toLowerCase();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trimToNull(String s) {
        return blank(s) ? null : s.trim();
    }
}
