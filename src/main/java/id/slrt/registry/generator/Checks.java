package id.slrt.registry.generator;

import id.slrt.region.Region;
import id.slrt.region.RegionService;
import id.slrt.registry.BankAccounts;
import id.slrt.registry.IdNumbers;
import id.slrt.registry.Names;
import id.slrt.registry.Sex;
import id.slrt.registry.ValidationResult;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registry's own validators applied to generated rows, as a form or an import would apply them.
 * Dates are judged as of the request's date, so that the findings too repeat with the seed.
 */
final class Checks {
    private final IdNumbers.Kecamatan kecamatan;
    private final Map<String, BankAccounts.Bank> banks;
    private final LocalDate today;

    Checks(RegionService regions, List<BankAccounts.Bank> banks, LocalDate today) {
        this.kecamatan = new CachedKecamatan(regions);
        this.banks = banks.stream().collect(Collectors.toMap(BankAccounts.Bank::code, Function.identity()));
        this.today = today;
    }

    ValidationResult person(String nik, LocalDate birthDate, Sex sex, String fullName, String motherName) {
        ValidationResult result = IdNumbers.checkNik("nik", nik, birthDate, sex, kecamatan, today).result();
        result.addAll(Names.check("fullName", fullName));
        return motherName == null ? result : result.addAll(Names.check("motherName", motherName));
    }

    ValidationResult kk(String noKk) {
        return IdNumbers.checkKk("noKk", noKk, kecamatan, today).result();
    }

    ValidationResult account(String bankCode, String number, String holderName) {
        ValidationResult result = BankAccounts.check("accountNumber", bankCode, banks.get(bankCode), number).result();
        return result.addAll(Names.check("holderName", holderName));
    }

    BankAccounts.Bank bank(String code) {
        BankAccounts.Bank bank = banks.get(code);
        if (bank == null || bank.accountLength() == null) {
            throw new IllegalStateException("bank " + code + " with an account length is missing from table bank");
        }
        return bank;
    }

    /** Region look-ups once per code: a district has a few dozen kecamatan but a million NIKs. */
    private static final class CachedKecamatan implements IdNumbers.Kecamatan {
        private final RegionService regions;
        private final Map<String, Boolean> current = new HashMap<>();
        private final Map<String, Boolean> historical = new HashMap<>();

        CachedKecamatan(RegionService regions) {
            this.regions = regions;
        }

        @Override
        public boolean current(String code) {
            return current.computeIfAbsent(code, c -> regions.find(c).map(Region::level).orElse(0) == 3);
        }

        @Override
        public boolean historical(String code) {
            return historical.computeIfAbsent(code, regions::isHistorical);
        }
    }
}
