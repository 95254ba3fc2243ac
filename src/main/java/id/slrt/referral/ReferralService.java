package id.slrt.referral;

import id.slrt.audit.AuditLog;
import id.slrt.audit.Change;
import id.slrt.complaint.Complaint;
import id.slrt.complaint.ComplaintService;
import id.slrt.complaint.ServiceLevels;
import id.slrt.platform.Paged;
import id.slrt.platform.ProblemException.FieldError;
import id.slrt.platform.Scopes;
import id.slrt.platform.SlrtProperties;
import id.slrt.platform.StoredFile;
import id.slrt.platform.Texts;
import id.slrt.referral.internal.AgencyRepository;
import id.slrt.referral.internal.ReferralDenials;
import id.slrt.referral.internal.ReferralRepository;
import id.slrt.region.RegionService;
import id.slrt.registry.Household;
import id.slrt.registry.Member;
import id.slrt.registry.RegistryService;
import id.slrt.shared.CurrentActor;
import id.slrt.shared.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Referrals to program units and partner agencies. Staff refer a complaint or a household; the agency
 * answers as a MITRA user (row-level security shows it only its agency's referrals) or through a
 * single-referral link; each step is on the referral's timeline and in the audit trail, a refused step is
 * audited too. Steps of a referral made from a complaint are reported to the complaint, and a resolved
 * outcome resolves it.
 */
@Service
public class ReferralService {
    public static final String ENTITY = "referral";
    /** Who refers (within their own region). */
    public static final Set<String> CREATORS = Set.of("OPERATOR_SLRT", "SUPERVISOR", "OPERATOR_DESA", "FASILITATOR");
    /** Who may record the agency's answer: the partner itself, or staff on its behalf (an answer by phone). */
    public static final Set<String> ANSWERERS = Set.of("MITRA", "OPERATOR_SLRT", "SUPERVISOR", "OPERATOR_DESA",
            "FASILITATOR");
    public static final String LINK_ROLE = "PARTNER_LINK";
    static final int MAX_TEXT = 2000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ReferralRepository referrals;
    private final AgencyRepository agencies;
    private final ComplaintService complaints;
    private final RegistryService registry;
    private final RegionService regions;
    private final ServiceLevels levels;
    private final AuditLog audit;
    private final ReferralDenials denials;
    private final Scopes scopes;
    private final Texts texts;
    private final ReferralSettings settings;
    private final Clock clock;
    private final ZoneId zone;
    private final TransactionTemplate tx;

    ReferralService(ReferralRepository referrals, AgencyRepository agencies, ComplaintService complaints,
                    RegistryService registry, RegionService regions, ServiceLevels levels, AuditLog audit,
                    ReferralDenials denials, Scopes scopes, Texts texts, ReferralSettings settings, Clock clock,
                    SlrtProperties properties, PlatformTransactionManager transactions) {
        this.referrals = referrals;
        this.agencies = agencies;
        this.complaints = complaints;
        this.registry = registry;
        this.regions = regions;
        this.levels = levels;
        this.audit = audit;
        this.denials = denials;
        this.scopes = scopes;
        this.texts = texts;
        this.settings = settings;
        this.clock = clock;
        this.zone = properties.timezone();
        this.tx = new TransactionTemplate(transactions);
    }

    /** A referral with what its page shows. */
    public record View(Referral referral, PartnerAgency agency, List<ReferralEvent> events, List<ReferralLink> links) {
    }

    /** What the agency sees through its link: the referral and its agency, nothing else. */
    public record LinkView(Referral referral, PartnerAgency agency, Instant expiresAt) {
    }

    /** Who takes a step: a user, or an agency through its link (then audited under the link's name). */
    private record Who(String name, String role, AuditLog.Actor auditActor) {
        static Who of(CurrentActor a) {
            return new Who(a.username(), a.role(), null);
        }

        static Who link(String agencyCode) {
            return new Who("link:" + agencyCode, LINK_ROLE, new AuditLog.Actor("link:" + agencyCode, null, LINK_ROLE));
        }
    }

    // --- creating ------------------------------------------------------------------------------

    /**
     * Refers an open complaint to an agency: the complaint becomes REFERRED and its timeline gets the
     * referral's number. The person is the complaint's subject as the registry knows them, else the
     * complainant. This is the door a routing rule ("straight to a partner agency") calls too.
     */
    @Transactional
    public Referral referComplaint(UUID complaintId, NewReferral form, CurrentActor by) {
        requireCreator(by, "CREATE", complaintId.toString());
        Complaint c = complaints.find(complaintId).orElseThrow(() -> {
            denials.record("CREATE", complaintId.toString(), null, "complaint.not-found");
            return new ReferralProblem(HttpStatus.NOT_FOUND, "not-found", "complaint.not-found");
        });
        Optional<Member> member = Optional.empty();
        Optional<Household> household = Optional.empty();
        if (c.householdId() != null) {
            Optional<RegistryService.Detail> d = registry.find(c.householdId());
            household = d.map(RegistryService.Detail::household);
            member = d.flatMap(x -> x.members().stream().filter(m -> m.id().equals(c.memberId())).findFirst());
        }
        String name = member.map(Member::fullName).orElse(c.complainantName());
        String address = household.map(this::address).orElse(regions.label(c.regionCode()));
        Referral r = create(form, c.regionCode(), "COMPLAINT", c.id(), c.householdId(), c.memberId(), name,
                c.personNik(), address, c.description(), null, by);
        complaints.referredBy(c.id(), r.number(), by);
        return r;
    }

    /** Refers a person of a household (the member chosen on the form, else the head) to an agency. */
    @Transactional
    public Referral referHousehold(UUID householdId, NewReferral form, CurrentActor by) {
        requireCreator(by, "CREATE", householdId.toString());
        RegistryService.Detail d = registry.find(householdId).orElseThrow(() -> {
            denials.record("CREATE", householdId.toString(), null, "referral.household-not-found");
            return new ReferralProblem(HttpStatus.NOT_FOUND, "not-found", "referral.household-not-found");
        });
        Member m = d.members().stream().filter(x -> x.id().equals(form.memberId())).findFirst()
                .or(() -> d.members().stream().filter(Member::active).findFirst())
                .orElseThrow(() -> ReferralProblem.invalid("memberId", "referral.member-required"));
        Household h = d.household();
        return create(form, h.regionCode(), "HOUSEHOLD", null, h.id(), m.id(), m.fullName(), m.nik(), address(h), null,
                null, by);
    }

    /**
     * Refers again, to another agency: an open referral is cancelled (its reason names the new one); a
     * declined or completed one is kept and points to the new one. A resolved referral needs no other.
     */
    @Transactional
    public Referral reRefer(UUID id, Integer version, NewReferral form, CurrentActor by) {
        Referral old = load(id, "REREFER");
        requireCreator(by, "REREFER", id.toString());
        if (old.status() == ReferralStatus.CANCELLED || old.nextId() != null
                || old.status() == ReferralStatus.COMPLETED && old.outcome() == Outcome.RESOLVED) {
            throw deny(old, "REREFER", ReferralProblem.wrongStatus(old.status()));
        }
        requireVersion(old, version);
        if (old.agencyCode().equals(form.agencyCode())) {
            throw ReferralProblem.invalid("agencyCode", "referral.same-agency");
        }
        Referral next = create(form, old.regionCode(), old.source(), old.complaintId(), old.householdId(),
                old.memberId(), old.subjectName(), old.subjectNik(), old.subjectAddress(), old.reason(), old.id(), by);
        Instant now = clock.instant();
        boolean moved = old.status().open()
                ? referrals.cancel(old.id(), old.status(), old.version(), next.number(), next.id(), now, by.username())
                : referrals.followedBy(old.id(), old.version(), next.id(), now, by.username());
        if (!moved) {
            throw ReferralProblem.stale();
        }
        if (old.complaintId() != null) {
            complaints.referredBy(old.complaintId(), next.number(), by);
        }
        ReferralStatus to = old.status().open() ? ReferralStatus.CANCELLED : old.status();
        event(old, "REREFERRED", old.status(), to, next.number(), Who.of(by));
        audit.record("REFERRAL_REREFERRED", ENTITY, old.id().toString(), old.regionCode(),
                Map.of("status", new Change(old.status().name(), to.name()), "next", new Change(null, next.number())),
                null);
        if (old.complaintId() != null && old.status().open()) {
            complaints.referralStep(old.complaintId(), "REFERRAL_CANCELLED", old.number() + " → " + next.number(),
                    by.username(), by.role());
        }
        return next;
    }

    private Referral create(NewReferral raw, String region, String source, UUID complaintId, UUID householdId,
                            UUID memberId, String name, String nik, String address, String defaultReason,
                            UUID previous, CurrentActor by) {
        NewReferral f = clean(raw, defaultReason);
        List<FieldError> errors = new ArrayList<>();
        Optional<PartnerAgency> agency = f.agencyCode() == null ? Optional.empty() : agencies.find(f.agencyCode());
        if (agency.isEmpty() || !agency.get().active()) {
            errors.add(new FieldError("agencyCode", "referral.agency-required"));
        }
        text(errors, "reason", f.reason(), true);
        text(errors, "requestedAction", f.requestedAction(), true);
        if (f.contactName() != null && f.contactName().length() > 120) {
            errors.add(new FieldError("contactName", "referral.too-long", 120));
        }
        if (f.contactPhone() != null && (f.contactPhone().length() < 8 || f.contactPhone().length() > 15)) {
            errors.add(new FieldError("contactPhone", "referral.phone-invalid"));
        }
        if (!errors.isEmpty()) {
            throw ReferralProblem.invalidInput(errors);
        }
        PartnerAgency a = agency.get();
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        int seq = referrals.nextSequence(today.getYear());
        String number = "RJK/" + today.getYear() + "/" + region + "/" + String.format("%05d", seq);
        Referral r = new Referral(Ids.newId(), number, region, a.code(), source, complaintId, householdId, memberId,
                name, nik, address, f.reason(), f.requestedAction(), f.contactName(), f.contactPhone(),
                ReferralStatus.SENT, levels.workingDaysAfter(today, a.acceptDays()),
                levels.workingDaysAfter(today, a.completeDays()), null, null, null, null, null, null, null, null, null,
                null, null, null, previous, null, 0, now, by.username(), now, by.username());
        referrals.insert(r);
        event(r, "SENT", null, ReferralStatus.SENT, a.name(), Who.of(by));
        Map<String, Change> changes = new LinkedHashMap<>();
        changes.put("agency", new Change(null, a.code()));
        changes.put("source", new Change(null, source));
        changes.put("status", new Change(null, ReferralStatus.SENT.name()));
        audit.record("REFERRAL_SENT", ENTITY, r.id().toString(), region, changes, number);
        return r;
    }

    // --- the agency's answer -------------------------------------------------------------------

    /** The agency takes the referral up. */
    @Transactional
    public Referral accept(UUID id, Integer version, String note, CurrentActor by) {
        Referral r = load(id, "ACCEPT");
        requireAnswerer(r, by, "ACCEPT");
        return doAccept(r, version, note, Who.of(by));
    }

    /** The agency cannot help: the reason is required (staff then re-refer or handle it themselves). */
    @Transactional
    public Referral decline(UUID id, Integer version, String reason, CurrentActor by) {
        Referral r = load(id, "DECLINE");
        requireAnswerer(r, by, "DECLINE");
        return doDecline(r, version, reason, Who.of(by));
    }

    /** The agency reports the outcome, with a note and optionally a document (already kept by the file store). */
    @Transactional
    public Referral complete(UUID id, Integer version, String outcome, String note, StoredFile document,
                             CurrentActor by) {
        Referral r = load(id, "COMPLETE");
        requireAnswerer(r, by, "COMPLETE");
        return doComplete(r, version, outcome, note, document, Who.of(by));
    }

    /** Staff withdraw an open referral (the reason is required). */
    @Transactional
    public Referral cancel(UUID id, Integer version, String reason, CurrentActor by) {
        Referral r = load(id, "CANCEL");
        requireCreator(by, "CANCEL", r);
        if (!r.status().open()) {
            throw deny(r, "CANCEL", ReferralProblem.wrongStatus(r.status()));
        }
        requireVersion(r, version);
        String text = requiredText("reason", reason);
        if (!referrals.cancel(r.id(), r.status(), r.version(), text, null, clock.instant(), by.username())) {
            throw ReferralProblem.stale();
        }
        referrals.revokeLinks(r.id(), clock.instant(), by.username());
        return stepDone(r, "CANCELLED", ReferralStatus.CANCELLED, text, Who.of(by), "REFERRAL_CANCELLED");
    }

    private Referral doAccept(Referral r, Integer version, String note, Who who) {
        if (r.status() != ReferralStatus.SENT) {
            throw deny(r, "ACCEPT", ReferralProblem.wrongStatus(r.status()), who);
        }
        requireVersion(r, version);
        String text = optionalText("note", note);
        if (!referrals.accept(r.id(), r.version(), clock.instant(), who.name())) {
            throw ReferralProblem.stale();
        }
        return stepDone(r, "ACCEPTED", ReferralStatus.ACCEPTED, text, who, "REFERRAL_ACCEPTED");
    }

    private Referral doDecline(Referral r, Integer version, String reason, Who who) {
        if (r.status() != ReferralStatus.SENT) {
            throw deny(r, "DECLINE", ReferralProblem.wrongStatus(r.status()), who);
        }
        requireVersion(r, version);
        String text = requiredText("reason", reason);
        if (!referrals.decline(r.id(), r.version(), text, clock.instant(), who.name())) {
            throw ReferralProblem.stale();
        }
        return stepDone(r, "DECLINED", ReferralStatus.DECLINED, text, who, "REFERRAL_DECLINED");
    }

    private Referral doComplete(Referral r, Integer version, String outcomeName, String note, StoredFile document,
                                Who who) {
        if (r.status() != ReferralStatus.ACCEPTED) {
            throw deny(r, "COMPLETE", ReferralProblem.wrongStatus(r.status()), who);
        }
        requireVersion(r, version);
        Optional<Outcome> outcome = Outcome.parse(outcomeName);
        List<FieldError> errors = new ArrayList<>();
        if (outcome.isEmpty()) {
            errors.add(new FieldError("outcome", "referral.outcome-required"));
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        text(errors, "note", text, true);
        if (!errors.isEmpty()) {
            throw ReferralProblem.invalidInput(errors);
        }
        Instant now = clock.instant();
        if (!referrals.complete(r.id(), r.version(), outcome.get(), text, document == null ? null : document.sha256(),
                document == null ? null : document.originalName(), document == null ? null : document.contentType(),
                document == null ? null : document.size(), now, who.name())) {
            throw ReferralProblem.stale();
        }
        referrals.revokeLinks(r.id(), now, who.name());
        String label = texts.get(Texts.INDONESIAN, outcome.get().labelKey());
        event(r, "COMPLETED", r.status(), ReferralStatus.COMPLETED, label + ": " + text, who);
        Map<String, Change> changes = new LinkedHashMap<>();
        changes.put("status", new Change(r.status().name(), ReferralStatus.COMPLETED.name()));
        changes.put("outcome", new Change(null, outcome.get().name()));
        if (document != null) {
            changes.put("document", new Change(null, document.sha256()));
        }
        record(who, "REFERRAL_COMPLETED", r, changes, text);
        if (r.complaintId() != null) {
            if (outcome.get() == Outcome.RESOLVED) {
                complaints.resolvedByReferral(r.complaintId(), r.number(), text, who.name(), who.role());
            } else {
                complaints.referralStep(r.complaintId(), "REFERRAL_COMPLETED", r.number() + " · " + label + ": " + text,
                        who.name(), who.role());
            }
        }
        return referrals.find(r.id()).orElseThrow();
    }

    private Referral stepDone(Referral r, String action, ReferralStatus to, String note, Who who,
                              String complaintStep) {
        event(r, action, r.status(), to, note, who);
        record(who, "REFERRAL_" + action, r, Map.of("status", new Change(r.status().name(), to.name())), note);
        if (r.complaintId() != null) {
            complaints.referralStep(r.complaintId(), complaintStep, r.number() + (note == null ? "" : ": " + note),
                    who.name(), who.role());
        }
        return referrals.find(r.id()).orElseThrow();
    }

    // --- single-referral links -----------------------------------------------------------------

    /**
     * Issues a link for the agency (staff): any earlier link still usable is revoked, so one link works at a
     * time. The token (256 random bits) is returned this once; only its SHA-256 is kept.
     */
    @Transactional
    public IssuedLink issueLink(UUID id, CurrentActor by) {
        Referral r = load(id, "ISSUE_LINK");
        requireCreator(by, "ISSUE_LINK", r);
        if (!r.status().open()) {
            throw deny(r, "ISSUE_LINK", ReferralProblem.wrongStatus(r.status()));
        }
        Instant now = clock.instant();
        int revoked = referrals.revokeLinks(r.id(), now, by.username());
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expires = now.plus(settings.linkTtl());
        referrals.insertLink(Ids.newId(), r, hash(token), now, by.username(), expires);
        event(r, "LINK_ISSUED", r.status(), r.status(), null, Who.of(by));
        audit.record("REFERRAL_LINK_ISSUED", ENTITY, r.id().toString(), r.regionCode(),
                Map.of("expiresAt", new Change(null, expires.toString())), revoked > 0 ? "revoked " + revoked : null);
        return new IssuedLink(r.id(), token, expires);
    }

    /** Revokes the referral's usable links (staff); how many. */
    @Transactional
    public int revokeLinks(UUID id, CurrentActor by) {
        Referral r = load(id, "REVOKE_LINK");
        requireCreator(by, "REVOKE_LINK", r);
        int n = referrals.revokeLinks(r.id(), clock.instant(), by.username());
        event(r, "LINK_REVOKED", r.status(), r.status(), null, Who.of(by));
        audit.record("REFERRAL_LINK_REVOKED", ENTITY, r.id().toString(), r.regionCode(),
                Map.of("links", new Change(null, n)), null);
        return n;
    }

    /** Opens the referral of a link (no account: run in the district's scope); every use is audited. */
    public LinkView viewByLink(String token) {
        return viaLink(token, null, "VIEW", (r, who) -> {
            record(who, "REFERRAL_LINK_VIEWED", r, null, null);
            return r;
        });
    }

    public LinkView acceptByLink(String token, UUID referralId, Integer version, String note) {
        return viaLink(token, referralId, "ACCEPT", (r, who) -> doAccept(r, version, note, who));
    }

    public LinkView declineByLink(String token, UUID referralId, Integer version, String reason) {
        return viaLink(token, referralId, "DECLINE", (r, who) -> doDecline(r, version, reason, who));
    }

    public LinkView completeByLink(String token, UUID referralId, Integer version, String outcome, String note,
                                   StoredFile document) {
        return viaLink(token, referralId, "COMPLETE", (r, who) -> doComplete(r, version, outcome, note, document, who));
    }

    private interface LinkStep {
        Referral apply(Referral r, Who who);
    }

    /**
     * Resolves a link's token to its referral and takes the step. A token that is unknown, expired or revoked,
     * or used for another referral than its own, is refused with one answer and audited.
     */
    private LinkView viaLink(String token, UUID referralId, String action, LinkStep step) {
        String tokenHash = token == null || token.length() < 20 || token.length() > 100 ? null : hash(token);
        return scopes.asDistrict(() -> tx.execute(status -> {
                    Instant now = clock.instant();
                    Optional<ReferralLink> link = tokenHash == null ? Optional.empty() : referrals.linkByHash(tokenHash);
                    String why = link.isEmpty() ? "unknown"
                            : link.get().revokedAt() != null ? "revoked"
                            : !link.get().expiresAt().isAfter(now) ? "expired"
                            : referralId != null && !referralId.equals(link.get().referralId()) ? "other-referral"
                            : null;
                    if (why != null) {
                        // Audited on the referral asked for (another one's when a link is misused), else the link's.
                        String target = referralId != null ? referralId.toString()
                                : link.map(l -> l.referralId().toString()).orElse("-");
                        denials.recordAs(new AuditLog.Actor("link", null, LINK_ROLE), "LINK_" + action, target, null,
                                "referral.link." + why);
                        throw ReferralProblem.linkInvalid();
                    }
                    Referral r = referrals.find(link.get().referralId()).orElseThrow(ReferralProblem::linkInvalid);
                    referrals.linkUsed(link.get().id(), now);
                    Referral after = step.apply(r, Who.link(r.agencyCode()));
                    return new LinkView(after, agencies.find(after.agencyCode()).orElseThrow(),
                            link.get().expiresAt());
                }));
    }

    /** Whether {@code token} is a usable link of this referral (to print it on the letter just after issuing it). */
    @Transactional(readOnly = true)
    public boolean isActiveLink(UUID id, String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return false;
        }
        return referrals.linkByHash(hash(token)).filter(l -> l.referralId().equals(id))
                .filter(l -> l.active(clock.instant())).isPresent();
    }

    // --- reading -------------------------------------------------------------------------------

    /** A referral for its page; opening it is a read of personal data and is audited. */
    @Transactional
    public Optional<View> open(UUID id) {
        return referrals.find(id).map(r -> {
            audit.recordRead("REFERRAL_READ", ENTITY, r.id().toString(), r.regionCode());
            return new View(r, agencies.find(r.agencyCode()).orElseThrow(), referrals.events(id), referrals.links(id));
        });
    }

    @Transactional(readOnly = true)
    public Optional<Referral> find(UUID id) {
        return referrals.find(id);
    }

    @Transactional(readOnly = true)
    public Paged<Referral> list(ReferralQuery query, int page, int size) {
        return referrals.list(query, today(), page, size);
    }

    /**
     * Oversight per partner agency in the caller's scope: what waits on each now, and what became of the
     * referrals made from {@code from} up to and including {@code to} (district dates). Agencies with nothing
     * to show are left out. Counts only, no personal data.
     */
    @Transactional(readOnly = true)
    public List<AgencyFigures> figures(LocalDate from, LocalDate to) {
        Map<String, ReferralRepository.AgencyCounts> byCode = referrals.figures(from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant(), LocalDate.now(clock.withZone(zone)));
        List<AgencyFigures> result = new ArrayList<>();
        for (PartnerAgency a : agencies.all()) {
            ReferralRepository.AgencyCounts f = byCode.get(a.code());
            if (f != null) {
                result.add(new AgencyFigures(a.code(), a.name(), f.open(), f.overdue(), f.referred(), f.completed(),
                        f.resolved(), f.declined(), f.medianDaysToComplete()));
            }
        }
        return result;
    }

    @Transactional(readOnly = true)
    public List<Referral> ofComplaint(UUID complaintId) {
        return referrals.ofComplaint(complaintId);
    }

    @Transactional(readOnly = true)
    public List<Referral> ofHousehold(UUID householdId) {
        return referrals.ofHousehold(householdId);
    }

    /** What the letter prints; printing it is an audited read (personal data leaves the system on paper). */
    @Transactional
    public Optional<View> letter(UUID id) {
        return referrals.find(id).map(r -> {
            audit.recordRead("REFERRAL_LETTER_PRINTED", ENTITY, r.id().toString(), r.regionCode());
            return new View(r, agencies.find(r.agencyCode()).orElseThrow(), List.of(), List.of());
        });
    }

    /** The outcome document of a referral the caller sees; opening it is audited. */
    @Transactional
    public Optional<Referral> openDocument(UUID id) {
        return referrals.find(id).filter(r -> r.outcomeSha256() != null).map(r -> {
            audit.recordRead("REFERRAL_DOCUMENT_READ", ENTITY, r.id().toString(), r.regionCode());
            return r;
        });
    }

    // --- helpers -------------------------------------------------------------------------------

    private void event(Referral r, String action, ReferralStatus from, ReferralStatus to, String note, Who who) {
        referrals.insertEvent(new ReferralEvent(Ids.newId(), r.id(), clock.instant(), who.name(), who.role(), action,
                from, to, note), r.regionCode(), r.agencyCode());
    }

    private void record(Who who, String action, Referral r, Map<String, Change> changes, String detail) {
        if (who.auditActor() == null) {
            audit.record(action, ENTITY, r.id().toString(), r.regionCode(), changes, detail);
        } else {
            audit.recordAs(who.auditActor(), action, ENTITY, r.id().toString(), r.regionCode(), changes, detail);
        }
    }

    /** A referral the caller may see; any other is answered as not found and audited as refused. */
    private Referral load(UUID id, String action) {
        return referrals.find(id).orElseThrow(() -> {
            denials.record(action, id.toString(), null, "referral.not-found");
            return ReferralProblem.notFound();
        });
    }

    private void requireCreator(CurrentActor by, String action, String target) {
        if (!CREATORS.contains(by.role())) {
            denials.record(action, target, null, "referral.forbidden");
            throw ReferralProblem.forbidden();
        }
    }

    private void requireCreator(CurrentActor by, String action, Referral r) {
        if (!CREATORS.contains(by.role())) {
            throw deny(r, action, ReferralProblem.forbidden());
        }
    }

    private void requireAnswerer(Referral r, CurrentActor by, String action) {
        if (!ANSWERERS.contains(by.role())) {
            throw deny(r, action, ReferralProblem.forbidden());
        }
    }

    private static void requireVersion(Referral r, Integer version) {
        if (version != null && version != r.version()) {
            throw ReferralProblem.stale();
        }
    }

    private ReferralProblem deny(Referral r, String action, ReferralProblem problem) {
        denials.record(action, r.id().toString(), r.regionCode(), problem.messageCode());
        return problem;
    }

    private ReferralProblem deny(Referral r, String action, ReferralProblem problem, Who who) {
        if (who.auditActor() == null) {
            return deny(r, action, problem);
        }
        denials.recordAs(who.auditActor(), action, r.id().toString(), r.regionCode(), problem.messageCode());
        return problem;
    }

    private static String requiredText(String field, String value) {
        String text = value == null || value.isBlank() ? null : value.strip();
        List<FieldError> errors = new ArrayList<>();
        text(errors, field, text, true);
        if (!errors.isEmpty()) {
            throw ReferralProblem.invalidInput(errors);
        }
        return text;
    }

    private static String optionalText(String field, String value) {
        String text = value == null || value.isBlank() ? null : value.strip();
        List<FieldError> errors = new ArrayList<>();
        text(errors, field, text, false);
        if (!errors.isEmpty()) {
            throw ReferralProblem.invalidInput(errors);
        }
        return text;
    }

    private static void text(List<FieldError> errors, String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, "referral.required"));
            }
        } else if (value.length() > MAX_TEXT) {
            errors.add(new FieldError(field, "referral.too-long", MAX_TEXT));
        }
    }

    private static NewReferral clean(NewReferral f, String defaultReason) {
        String phone = f.contactPhone() == null ? "" : f.contactPhone().replaceAll("\\D", "");
        if (phone.startsWith("62")) {
            phone = "0" + phone.substring(2);
        }
        String reason = trim(f.reason());
        return new NewReferral(trim(f.agencyCode()), f.memberId(), reason != null ? reason : trim(defaultReason),
                trim(f.requestedAction()), trim(f.contactName()), phone.isEmpty() ? null : phone);
    }

    private String address(Household h) {
        StringBuilder sb = new StringBuilder(h.address() == null ? "" : h.address());
        if (h.rt() != null || h.rw() != null) {
            sb.append(sb.isEmpty() ? "" : ", ").append("RT ").append(h.rt() == null ? "-" : h.rt()).append("/RW ")
                    .append(h.rw() == null ? "-" : h.rw());
        }
        String kecamatan = regions.find(h.regionCode()).map(x -> regions.label(x.parentCode())).orElse("");
        sb.append(sb.isEmpty() ? "" : ", ").append(regions.label(h.regionCode()));
        if (!kecamatan.isEmpty()) {
            sb.append(", ").append(kecamatan);
        }
        return sb.toString();
    }

    private LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
