package id.slrt.updating.internal;

import id.slrt.region.Region;
import id.slrt.region.RegionService;
import id.slrt.registry.Household;
import id.slrt.registry.Member;
import id.slrt.registry.RegistryService;
import id.slrt.registry.Relationship;
import id.slrt.updating.ChangeRequest;
import id.slrt.updating.FieldKeys;
import id.slrt.updating.batch.BatchAction;
import id.slrt.updating.batch.BatchRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The lines of a SIKS-NG batch for one applied request: one per person whose DTKS record the request
 * changes, with the registry's data as it stands after the request was applied. A family-level change
 * (move, removal from DTKS) lists every active member; a change of household fields only lists the head.
 * Not thread-safe: create one per batch (it caches region names).
 */
@Component
public class BatchRows {
    private final RegistryService registry;
    private final RegionService regions;

    BatchRows(RegistryService registry, RegionService regions) {
        this.registry = registry;
        this.regions = regions;
    }

    /** Region names by desa code, looked up once per desa. */
    public final class Mapper {
        private final Map<String, String[]> names = new HashMap<>();

        public List<BatchRow> rows(ChangeRequest r) {
            UUID householdId = r.resultHouseholdId() != null ? r.resultHouseholdId() : r.householdId();
            Optional<RegistryService.Detail> found = householdId == null ? Optional.empty() : registry.find(householdId);
            if (found.isEmpty()) {
                return List.of(new BatchRow(r.number(), action(r), null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null, null, null, null, r.reason()));
            }
            RegistryService.Detail d = found.get();
            List<BatchRow> rows = new ArrayList<>();
            for (Member m : people(r, d)) {
                rows.add(row(r, d.household(), m));
            }
            return rows;
        }

        private BatchRow row(ChangeRequest r, Household h, Member m) {
            String[] n = names.computeIfAbsent(h.regionCode(), this::regionNames);
            return new BatchRow(r.number(), action(r), h.dtksId(), n[0], n[1], n[2], n[3], h.address(), h.dusun(),
                    h.rt(), h.rw(), h.noKk(), m == null ? null : m.nik(), m == null ? null : m.fullName(),
                    m == null ? null : m.birthDate(), m == null ? null : m.birthPlace(), m == null ? null : m.sex(),
                    m == null ? null : m.motherName(), m == null ? null : m.relationship(), note(r, m));
        }

        private String[] regionNames(String desa) {
            List<Region> chain = regions.ancestors(desa);
            String[] n = new String[4];
            for (Region region : chain) {
                if (region.level() >= 1 && region.level() <= 3) {
                    n[region.level() - 1] = region.name();
                }
            }
            n[3] = regions.label(desa);
            return n;
        }
    }

    public Mapper mapper() {
        return new Mapper();
    }

    static BatchAction action(ChangeRequest r) {
        return switch (r.kind()) {
            case NEW_HOUSEHOLD -> BatchAction.TAMBAH_KELUARGA;
            case ADD_MEMBER -> BatchAction.TAMBAH_ART;
            case REMOVE_MEMBER -> BatchAction.HAPUS_ART;
            case MOVE_HOUSEHOLD -> BatchAction.PINDAH;
            case PROGRAM -> BatchAction.USUL_PROGRAM;
            case DTKS_REMOVAL -> BatchAction.HAPUS_DTKS;
            case CORRECT, PPKS -> BatchAction.PERBAIKAN;
            case SPLIT -> BatchAction.PECAH_KK;
            case MERGE -> BatchAction.GABUNG_KK;
        };
    }

    /** The people a request concerns; a list with one null when the household has nobody to name. */
    static List<Member> people(ChangeRequest r, RegistryService.Detail d) {
        Set<Member> people = new LinkedHashSet<>();
        Map<String, String> p = r.proposed();
        switch (r.kind()) {
            case NEW_HOUSEHOLD, MOVE_HOUSEHOLD, DTKS_REMOVAL, SPLIT, MERGE ->
                    d.members().stream().filter(Member::active).forEach(people::add);
            case ADD_MEMBER -> newMembers(p, d).forEach(people::add);
            case REMOVE_MEMBER, CORRECT, PPKS, PROGRAM -> {
                for (String key : p.keySet()) {
                    String group = FieldKeys.group(key);
                    String target = "member".equals(group) ? FieldKeys.middle(key)
                            : "ppks".equals(group) || "program".equals(group) ? FieldKeys.field(key) : null;
                    byId(d, target).ifPresent(people::add);
                }
                newMembers(p, d).forEach(people::add);
            }
        }
        if (people.isEmpty()) {
            Member head = head(d);
            List<Member> one = new ArrayList<>();
            one.add(head);
            return one;
        }
        return List.copyOf(people);
    }

    /** Members added by a request ({@code new.<n>.*}), as the registry holds them now. */
    private static java.util.Collection<Member> newMembers(Map<String, String> p, RegistryService.Detail d) {
        return Proposals.addedMembers(p, d).values();
    }

    private static Optional<Member> byId(RegistryService.Detail d, String id) {
        if (id == null || FieldKeys.HOUSEHOLD_TARGET.equals(id)) {
            return Optional.empty();
        }
        return d.members().stream().filter(m -> m.id().toString().equals(id)).findFirst();
    }

    private static Member head(RegistryService.Detail d) {
        return d.members().stream().filter(m -> m.active() && m.relationship() == Relationship.KEPALA).findFirst()
                .or(() -> d.members().stream().filter(Member::active).findFirst())
                .orElse(null);
    }

    /** keterangan: what changed for this person where the action alone does not say it, then the reason. */
    private static String note(ChangeRequest r, Member m) {
        List<String> parts = new ArrayList<>();
        Map<String, String> p = r.proposed();
        String target = m == null ? null : m.id().toString();
        p.forEach((key, value) -> {
            String group = FieldKeys.group(key);
            if ("program".equals(group) && (Objects.equals(FieldKeys.field(key), target)
                    || FieldKeys.HOUSEHOLD_TARGET.equals(FieldKeys.field(key)))) {
                parts.add(FieldKeys.middle(key) + ("ENDED".equals(value) ? " -" : ""));
            } else if ("ppks".equals(group) && (Objects.equals(FieldKeys.field(key), target)
                    || FieldKeys.HOUSEHOLD_TARGET.equals(FieldKeys.field(key)))) {
                parts.add("PPKS " + FieldKeys.middle(key) + ("1".equals(value) ? " +" : " -"));
            } else if ("member".equals(group) && Objects.equals(FieldKeys.middle(key), target)
                    && "status".equals(FieldKeys.field(key))) {
                parts.add(value + " " + FieldKeys.value(p, "member." + target + ".statusDate"));
            } else if ("household".equals(group) && "status".equals(FieldKeys.field(key))) {
                parts.add(value + " " + FieldKeys.value(p, "household.statusDate"));
            }
        });
        parts.add(r.reason());
        return String.join("; ", parts.stream().map(String::trim).filter(s -> !s.isEmpty()).toList());
    }
}
