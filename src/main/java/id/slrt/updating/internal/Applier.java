package id.slrt.updating.internal;

import id.slrt.registry.Attachment;
import id.slrt.registry.Household;
import id.slrt.registry.HouseholdForm;
import id.slrt.registry.Member;
import id.slrt.registry.RegistryService;
import id.slrt.registry.RegistryValidator;
import id.slrt.shared.CurrentActor;
import id.slrt.updating.ChangeRequest;
import id.slrt.updating.FieldKeys;
import id.slrt.registry.Issue;
import id.slrt.registry.RegistryProblem;
import id.slrt.registry.Relationship;
import id.slrt.registry.ValidationResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Carries an accepted proposal into the registry through the registry's own use cases, so validation,
 * history and audit happen exactly as for a direct edit. Runs inside the caller's transaction: when one
 * step fails, nothing of the request is applied.
 */
@Component
public class Applier {
    private final RegistryService registry;
    private final Proposals proposals;
    private final RegistryValidator validator;

    Applier(RegistryService registry, Proposals proposals, RegistryValidator validator) {
        this.registry = registry;
        this.proposals = proposals;
        this.validator = validator;
    }

    /**
     * Applies {@code effective} (the proposal after per-field decisions) to a household, or creates one
     * when {@code householdId} is null; returns the household changed or created.
     */
    public UUID apply(ChangeRequest r, UUID householdId, Map<String, String> effective, CurrentActor by) {
        String note = r.number() + " — " + r.reason();
        if (householdId == null) {
            HouseholdForm form = accepted(proposals.overlay(null, effective).form(), note);
            Household created = registry.create(form, by);
            banks(created.id(), effective, by);
            return created.id();
        }
        UUID id = householdId;
        if (effective.containsKey("split.noKk")) {
            List<UUID> moving = Proposals.movingMembers(effective).stream().map(UUID::fromString).toList();
            return registry.splitHousehold(id, effective.get("split.noKk"), UUID.fromString(effective.get("split.head")),
                    moving, note, by);
        }
        if (effective.containsKey("merge.intoKk")) {
            RegistryService.Detail d = detail(id);
            Household target = proposals.mergeTarget(d, effective.get("merge.intoKk"));
            if (target == null) {
                throw new RegistryProblem(new ValidationResult()
                        .add(Issue.error("merge.intoKk", "updating.merge-target-unknown")));
            }
            registry.mergeHousehold(id, target.id(), Relationship.parse(effective.getOrDefault("merge.headRelationship",
                    "LAINNYA")), note, by);
            return target.id();
        }
        if (Proposals.touchesForm(effective)) {
            HouseholdForm form = proposals.overlay(detail(id), effective).form();
            registry.update(id, accepted(form, note), by);
        }
        memberStatuses(id, effective, note, by);
        banks(id, effective, by);
        ppks(id, effective, r, by);
        programs(id, effective, by);
        householdStatus(id, effective, note, by);
        return id;
    }

    private RegistryService.Detail detail(UUID id) {
        return registry.find(id).orElseThrow(() -> new RegistryService.NotFound(id));
    }

    private static HouseholdForm accepted(HouseholdForm form, String note) {
        return new HouseholdForm(form.regionCode(), form.noKk(), form.dtksId(), form.address(), form.rt(), form.rw(),
                form.dusun(), form.houseOwnership(), form.floorType(), form.wallType(), form.roofType(),
                form.waterSource(), form.lighting(), form.cookingFuel(), form.toilet(), form.desil(), form.version(),
                form.members(), true, note);
    }

    private void memberStatuses(UUID householdId, Map<String, String> effective, String note, CurrentActor by) {
        for (Map.Entry<String, String> e : effective.entrySet()) {
            if (e.getKey().startsWith("member.") && e.getKey().endsWith(".status")) {
                Member m = Proposals.member(detail(householdId), FieldKeys.middle(e.getKey()));
                registry.changeMemberStatus(m.id(), m.version(), e.getValue(),
                        dateOf(effective.get("member." + m.id() + ".statusDate"), m.statusDate()), note, by);
            }
        }
    }

    /** New accounts for existing members ({@code member.<id>.bank}) and for added ones, found by NIK. */
    private void banks(UUID householdId, Map<String, String> effective, CurrentActor by) {
        for (Map.Entry<String, String> e : effective.entrySet()) {
            if (!e.getKey().endsWith(".bank") || e.getValue().isBlank()) {
                continue;
            }
            RegistryService.Detail d = detail(householdId);
            Member holder = e.getKey().startsWith("member.") ? Proposals.member(d, FieldKeys.middle(e.getKey()))
                    : Proposals.addedMembers(effective, d).get(FieldKeys.middle(e.getKey()));
            if (holder == null) {
                continue;
            }
            String[] bank = e.getValue().split(":", 2);
            registry.addBankAccount(householdId, holder.id(), bank[0], bank[1], by);
        }
    }

    private void ppks(UUID householdId, Map<String, String> effective, ChangeRequest r, CurrentActor by) {
        for (Map.Entry<String, String> e : effective.entrySet()) {
            if (!e.getKey().startsWith("ppks.")) {
                continue;
            }
            String code = FieldKeys.middle(e.getKey());
            UUID member = memberId(FieldKeys.field(e.getKey()));
            if ("1".equals(e.getValue())) {
                registry.addPpks(householdId, member, code, validator.today(), r.number(), by);
            } else {
                for (Attachment p : detail(householdId).ppks()) {
                    if (p.code().equals(code) && Objects.equals(p.memberId(), member) && p.until() == null) {
                        registry.endPpks(householdId, p.id(), validator.today(), by);
                    }
                }
            }
        }
    }

    private void programs(UUID householdId, Map<String, String> effective, CurrentActor by) {
        for (Map.Entry<String, String> e : effective.entrySet()) {
            if (e.getKey().startsWith("program.") && "PROPOSED".equals(e.getValue())) {
                registry.addProgram(householdId, memberId(FieldKeys.field(e.getKey())), FieldKeys.middle(e.getKey()),
                        null, "PROPOSED", by);
            } else if (e.getKey().startsWith("program.") && "ENDED".equals(e.getValue())) {
                // an ending proposal (e.g. an inclusion error found by an eligibility run) ends what is received
                UUID member = memberId(FieldKeys.field(e.getKey()));
                for (Attachment p : detail(householdId).programs()) {
                    if (p.code().equals(FieldKeys.middle(e.getKey())) && Objects.equals(p.memberId(), member)
                            && !"ENDED".equals(p.status())) {
                        registry.endProgram(householdId, p.id(), "ENDED", validator.today(), by);
                    }
                }
            }
        }
    }

    private void householdStatus(UUID householdId, Map<String, String> effective, String note, CurrentActor by) {
        String status = effective.get("household.status");
        if (status != null) {
            Household h = detail(householdId).household();
            registry.changeHouseholdStatus(householdId, h.version(), status,
                    dateOf(effective.get("household.statusDate"), h.statusDate()), note, by);
        }
    }

    /**
     * The date of a status change: the proposed one, or — when the reviewer kept the current date but took
     * the proposed status — the date already recorded, else today.
     */
    private LocalDate dateOf(String proposed, LocalDate recorded) {
        if (proposed != null && !proposed.isBlank()) {
            return LocalDate.parse(proposed);
        }
        return recorded != null ? recorded : validator.today();
    }

    private static UUID memberId(String target) {
        return FieldKeys.HOUSEHOLD_TARGET.equals(target) ? null : UUID.fromString(target);
    }
}
