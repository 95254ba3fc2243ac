package id.slrt.eligibility;

import id.slrt.platform.DbScope;
import id.slrt.shared.Ids;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Households written straight into the registry's tables for eligibility tests, committed. */
final class Crafted {
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Timestamp now = Timestamp.from(Instant.parse("2026-06-01T00:00:00Z"));

    Crafted(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** A program code of its own, so the test's rules do not touch the shipped ones. */
    void program(String code) {
        DbScope.runAs("1409", () -> tx.executeWithoutResult(s -> jdbc.sql(
                "insert into program (code, name, scope) values (?, ?, 'LOCAL') on conflict do nothing")
                .params(code, "Uji " + code).update()));
    }

    UUID household(String desa, Integer desil) {
        UUID id = Ids.newId();
        DbScope.runAs("1409", () -> tx.executeWithoutResult(s -> jdbc.sql(
                "insert into household (id, region_code, no_kk, desil, status, created_at, created_by, updated_at, updated_by)"
                        + " values (?, ?, ?, ?, 'ACTIVE', ?, 'test', ?, 'test')")
                .params(id, desa, "14090" + (100000000000L + Math.abs(id.getLeastSignificantBits() % 99999999999L)), desil,
                        now, now).update()));
        return id;
    }

    UUID member(UUID household, String desa, String name, LocalDate birth, String status) {
        UUID id = Ids.newId();
        DbScope.runAs("1409", () -> tx.executeWithoutResult(s -> jdbc.sql(
                "insert into member (id, household_id, region_code, no_nik_reason, full_name, birth_date, sex, relationship,"
                        + " status, created_at, created_by, updated_at, updated_by)"
                        + " values (?, ?, ?, 'BELUM_MEMILIKI_NIK', ?, ?, 'L', ?, ?, ?, 'test', ?, 'test')")
                .params(id, household, desa, name, birth, name.startsWith("Kepala") ? "KEPALA" : "ANAK", status, now, now)
                .update()));
        return id;
    }

    void participation(UUID household, String desa, String program, String status) {
        DbScope.runAs("1409", () -> tx.executeWithoutResult(s -> jdbc.sql(
                "insert into program_participation (id, household_id, region_code, program_code, since, status, created_at,"
                        + " created_by, updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, 'test', ?, 'test')")
                .params(Ids.newId(), household, desa, program, LocalDate.of(2020, 1, 1), status, now, now).update()));
    }
}
