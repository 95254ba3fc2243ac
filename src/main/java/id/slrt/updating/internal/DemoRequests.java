package id.slrt.updating.internal;

import id.slrt.access.ActAs;
import id.slrt.access.SlrtUser;
import id.slrt.access.UserService;
import id.slrt.platform.Scopes;
import id.slrt.platform.SlrtProperties;
import id.slrt.registry.HouseholdFilter;
import id.slrt.registry.HouseholdRow;
import id.slrt.registry.RegistryService;
import id.slrt.updating.ChangeKind;
import id.slrt.updating.ChangeRequest;
import id.slrt.updating.ChangeRequest.StoredIssue;
import id.slrt.updating.FieldKeys;
import id.slrt.updating.UpdatingService;
import id.slrt.updating.UpdatingService.Proposal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * In demo mode, a few change requests in different states on the demo operator's desa, so the first
 * look at pemutakhiran shows a verified, a returned, a submitted, an applied request and a draft. Each
 * step is taken through the workflow as the demo user who would take it, so timelines and audit are real.
 */
@Component
class DemoRequests {
    private static final int CANDIDATES = 40;
    private static final Logger log = LoggerFactory.getLogger(DemoRequests.class);
    private final UpdatingService updating;
    private final RegistryService registry;
    private final UserService users;
    private final Scopes scopes;
    private final ChangeRequestRepository requests;
    private final Proposals proposals;
    private final boolean enabled;

    DemoRequests(UpdatingService updating, RegistryService registry, UserService users, Scopes scopes,
                 ChangeRequestRepository requests, Proposals proposals, SlrtProperties props,
                 @Value("${slrt.demo-requests:true}") boolean demoRequests) {
        this.updating = updating;
        this.registry = registry;
        this.users = users;
        this.scopes = scopes;
        this.requests = requests;
        this.proposals = proposals;
        this.enabled = props.demo() && demoRequests;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedOnce() {
        if (enabled && scopes.asDistrict(() -> requests.countByStatus("").isEmpty())) {
            try {
                seed();
            } catch (RuntimeException e) {
                // a demo nicety must never stop the application
                log.warn("Demo change requests not made: {}", e.getMessage());
            }
        }
    }

    /** Makes the demo requests; returns how many were made (0 when the demo users or households are missing). */
    int seed() {
        Optional<SlrtUser> operator = user("operator");
        Optional<SlrtUser> supervisor = user("supervisor");
        Optional<SlrtUser> slrt = user("slrt");
        if (operator.isEmpty() || supervisor.isEmpty() || slrt.isEmpty()) {
            return 0;
        }
        List<HouseholdRow> candidates = scopes.asDistrict(() -> registry.list(new HouseholdFilter(
                operator.get().regionScope(), null, null, "OK", null, "kk", false), 0, CANDIDATES).items());
        SlrtUser op = operator.get();
        SlrtUser sup = supervisor.get();
        // each request goes to a different family on which its proposal is free of errors (a family may
        // already have the program, the RT, or a finding of its own that a form change would bring up)
        List<Scenario> scenarios = List.of(
                new Scenario(ChangeKind.CORRECT, Map.of("household.rt", "007")),
                new Scenario(ChangeKind.PROGRAM, Map.of("program.PBI_JK.household", "PROPOSED")),
                new Scenario(ChangeKind.CORRECT, Map.of("household.address", "Jl. Lintas Tengah KM 5")),
                new Scenario(ChangeKind.PROGRAM, Map.of("program.KIP.household", "PROPOSED")),
                new Scenario(ChangeKind.DTKS_REMOVAL,
                        Map.of("household.status", "NOT_ELIGIBLE", "household.statusDate", "2026-11-01")));
        List<HouseholdRow> chosen = as(op, () -> choose(candidates, scenarios));
        if (chosen.size() < scenarios.size()) {
            return 0;
        }
        ChangeRequest applied = as(op, () -> draft(chosen.get(0), scenarios.get(0),
                "Nomor RT berubah setelah pemekaran RT (musyawarah dusun)", op));
        as(op, () -> updating.submit(applied.id(), op));
        as(sup, () -> updating.verify(applied.id(), "Sesuai surat keterangan kepala desa", sup));
        as(slrt.get(), () -> updating.apply(applied.id(), Map.of(), slrt.get()));

        ChangeRequest verified = as(op, () -> draft(chosen.get(1), scenarios.get(1), "Keluarga belum punya jaminan kesehatan", op));
        as(op, () -> updating.submit(verified.id(), op));
        as(sup, () -> updating.verify(verified.id(), null, sup));

        ChangeRequest returned = as(op, () -> draft(chosen.get(2), scenarios.get(2), "Alamat lengkap sesuai KK", op));
        as(op, () -> updating.submit(returned.id(), op));
        as(sup, () -> updating.returnToMaker(returned.id(),
                Map.of("household.address", "Lampirkan foto KK yang memuat alamat baru"), sup));

        ChangeRequest submitted = as(op, () -> draft(chosen.get(3), scenarios.get(3), "Ada anak usia sekolah", op));
        as(op, () -> updating.submit(submitted.id(), op));

        as(op, () -> draft(chosen.get(4), scenarios.get(4),
                "Kepala keluarga sudah bekerja tetap (hasil musyawarah desa, perlu dicek)", op));
        log.info("Demo: 5 change requests made in desa {}", op.regionScope());
        return 5;
    }

    private record Scenario(ChangeKind kind, Map<String, String> proposed) {
    }

    /** For each scenario in turn, the first family not yet taken on which its proposal has no error. */
    private List<HouseholdRow> choose(List<HouseholdRow> candidates, List<Scenario> scenarios) {
        Map<UUID, Optional<RegistryService.Detail>> details = new HashMap<>(); // each family read once
        List<HouseholdRow> chosen = new ArrayList<>();
        for (Scenario s : scenarios) {
            candidates.stream().filter(h -> !chosen.contains(h))
                    .filter(h -> details.computeIfAbsent(h.id(), registry::find).filter(d -> clean(d, s)).isPresent())
                    .findFirst().ifPresent(chosen::add);
        }
        return chosen;
    }

    private boolean clean(RegistryService.Detail current, Scenario s) {
        Map<String, String> base = FieldKeys.base(s.proposed(), FieldKeys.snapshot(current));
        return proposals.check(s.kind(), current, s.proposed(), base).stream().noneMatch(StoredIssue::error);
    }

    private ChangeRequest draft(HouseholdRow h, Scenario s, String reason, SlrtUser by) {
        return updating.draft(new Proposal(s.kind(), h.id(), s.proposed(), reason, null), by);
    }

    private Optional<SlrtUser> user(String username) {
        return scopes.asDistrict(() -> users.principal(username));
    }

    /** Runs a step as the given demo user: scope and audit come from the principal, as for a real request. */
    private static <T> T as(SlrtUser user, Supplier<T> step) {
        return ActAs.user(user, step);
    }
}
