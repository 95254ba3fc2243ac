package id.slrt.registry;

import id.slrt.platform.DbScope;
import id.slrt.region.Region;
import id.slrt.region.RegionService;
import id.slrt.registry.internal.ReferenceRepository;
import id.slrt.shared.RegionCodes;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one validation service of the registry: forms, the API, import and offline sync all call it,
 * so that a NIK, a No. KK or a bank account is judged the same way everywhere.
 */
@Service
public class RegistryValidator {
    private final RegionService regions;
    private final ReferenceRepository reference;
    private final Clock clock;
    private final IdNumbers.Kecamatan kecamatan;

    private final java.time.ZoneId zone;

    RegistryValidator(RegionService regions, ReferenceRepository reference, Clock clock,
                      id.slrt.platform.SlrtProperties properties) {
        this.zone = properties.timezone();
        this.regions = regions;
        this.reference = reference;
        this.clock = clock;
        this.kecamatan = new IdNumbers.Kecamatan() {
            @Override
            public boolean current(String code) {
                return regions.find(code).map(Region::level).orElse(0) == 3;
            }

            @Override
            public boolean historical(String code) {
                return regions.isHistorical(code);
            }
        };
    }

    /** Today in the district's time zone (Asia/Jakarta, Makassar or Jayapura by setting). */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public IdNumbers.Check nik(String field, String nik, LocalDate birthDate, Sex sex) {
        return IdNumbers.checkNik(field, nik, birthDate, sex, kecamatan, today());
    }

    public IdNumbers.Check kk(String field, String kk) {
        return IdNumbers.checkKk(field, kk, kecamatan, today());
    }

    @Transactional(readOnly = true)
    public BankAccounts.Check bankAccount(String field, String bankCode, String number) {
        BankAccounts.Bank bank = reference.bank(bankCode).orElse(null);
        return BankAccounts.check(field, bankCode, bank, number);
    }

    @Transactional(readOnly = true)
    public List<BankAccounts.Bank> banks() {
        return reference.banks();
    }

    @Transactional(readOnly = true)
    public List<CodeName> ppksCategories() {
        return reference.ppksCategories();
    }

    @Transactional(readOnly = true)
    public List<CodeName> programs() {
        return reference.programs();
    }

    public ValidationResult name(String field, String name) {
        return Names.check(field, name);
    }

    /**
     * A duplicate-NIK finding: an error, pointing to the existing record only when the caller's scope
     * covers it (otherwise it says only that the NIK exists elsewhere in the district).
     */
    @Transactional(readOnly = true)
    public ValidationResult duplicateNik(String field, String nik, UUID exceptMemberId) {
        if (nik == null || !nik.matches("\\d{16}")) {
            return new ValidationResult();
        }
        return duplicateNik(field, nik, exceptMemberId, reference.nikHolders(nik));
    }

    /** The same finding from holders already read (for many households at once: see RegistryBulk). */
    ValidationResult duplicateNik(String field, String nik, UUID exceptMemberId,
                                  List<ReferenceRepository.NikHolder> holders) {
        ValidationResult result = new ValidationResult();
        if (nik == null || !nik.matches("\\d{16}")) {
            return result;
        }
        String scope = DbScope.current();
        for (ReferenceRepository.NikHolder holder : holders) {
            if (holder.memberId().equals(exceptMemberId)) {
                continue;
            }
            if (RegionCodes.isWithin(holder.regionCode(), scope)) {
                result.add(Issue.error(field, "nik.duplicate-visible", holder.householdId().toString(),
                        regions.label(holder.regionCode())));
            } else {
                result.add(Issue.error(field, "nik.duplicate-elsewhere"));
            }
        }
        return result;
    }

    /** Plausible age for the relationship to the head (a child of 90 or a head of 5 is likely a typo). */
    public ValidationResult age(String field, Relationship relationship, LocalDate birthDate) {
        ValidationResult result = new ValidationResult();
        if (birthDate == null) {
            return result;
        }
        LocalDate today = today();
        if (birthDate.isAfter(today)) {
            return result.add(Issue.error(field, "birth-date.future"));
        }
        int age = java.time.Period.between(birthDate, today).getYears();
        if (age > 120) {
            result.add(Issue.error(field, "birth-date.too-old", age));
        } else if (relationship != null && (age < relationship.minAge() || age > relationship.maxAge())) {
            result.add(Issue.warning(field, "age.implausible", age, relationship));
        }
        return result;
    }
}
