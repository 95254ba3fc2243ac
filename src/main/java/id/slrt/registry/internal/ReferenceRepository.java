package id.slrt.registry.internal;

import id.slrt.registry.BankAccounts;
import id.slrt.registry.CodeName;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reference look-ups of the registry: banks, and who holds a NIK across the district. */
@Repository
public class ReferenceRepository {
    private final JdbcClient jdbc;

    ReferenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<BankAccounts.Bank> bank(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return jdbc.sql("select code, name, account_length from bank where code = ? and active")
                .param(code.trim().toUpperCase())
                .query((rs, n) -> new BankAccounts.Bank(rs.getString(1), rs.getString(2),
                        (Integer) rs.getObject(3, Integer.class)))
                .optional();
    }

    public List<BankAccounts.Bank> banks() {
        return jdbc.sql("select code, name, account_length from bank where active order by name")
                .query((rs, n) -> new BankAccounts.Bank(rs.getString(1), rs.getString(2),
                        (Integer) rs.getObject(3, Integer.class)))
                .list();
    }

    public List<CodeName> ppksCategories() {
        return jdbc.sql("select code, name from ppks_category where active order by number nulls last, name")
                .query((rs, n) -> new CodeName(rs.getString(1), rs.getString(2))).list();
    }

    public List<CodeName> programs() {
        return jdbc.sql("select code, name from program where active order by scope, name")
                .query((rs, n) -> new CodeName(rs.getString(1), rs.getString(2))).list();
    }

    public record NikHolder(UUID memberId, UUID householdId, String regionCode) {
    }

    /** Active holders of a NIK anywhere in the district (bypasses the caller's scope, reveals little). */
    public List<NikHolder> nikHolders(String nik) {
        return jdbc.sql("select member_id, household_id, region_code from slrt_nik_holders(?)")
                .param(nik)
                .query((rs, n) -> new NikHolder(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)))
                .list();
    }

    /**
     * Active holders of any of these NIKs anywhere in the district, by NIK (one statement for a whole
     * batch of households; same visibility as {@link #nikHolders(String)}).
     */
    public java.util.Map<String, List<NikHolder>> nikHolders(java.util.Collection<String> niks) {
        java.util.Map<String, List<NikHolder>> byNik = new java.util.HashMap<>();
        if (niks.isEmpty()) {
            return byNik;
        }
        jdbc.sql("select nik, member_id, household_id, region_code from slrt_nik_holders_any(?::text[])")
                .param(niks.toArray(String[]::new))
                .query(rs -> {
                    byNik.computeIfAbsent(rs.getString(1), k -> new java.util.ArrayList<>()).add(new NikHolder(
                            rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getString(4)));
                });
        return byNik;
    }
}
