package id.slrt.registry.internal;

import id.slrt.registry.BankAccount;
import id.slrt.registry.Household;
import id.slrt.registry.Member;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes many households at once (bulk import): rows are gathered as COPY text per table, copied into
 * temporary tables and moved with one {@code INSERT … SELECT} per table, on the caller's transaction.
 * PostgreSQL refuses COPY FROM into a table with row-level security, so the INSERT is where the policy
 * checks every row, exactly like single inserts. Statement-level triggers (name_token, V9) fire once per
 * table and batch.
 */
@Repository
public class RegistryBulkRepository {
    private final JdbcClient jdbc;
    private final DataSource dataSource;

    RegistryBulkRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** The No. KK among these that a household visible to the caller already has. */
    public Set<String> existingKks(Collection<String> kks) {
        if (kks.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select distinct no_kk from household where no_kk = any(?::text[])")
                .param(kks.toArray(String[]::new)).query(String.class).list());
    }

    /** Rows for one batch, in COPY text format, table by table; {@link #write()} inserts them. */
    public Batch batch() {
        return new Batch();
    }

    private static final String HOUSEHOLD = "id, region_code, no_kk, dtks_id, address, rt, rw, dusun, house_ownership, "
            + "floor_type, wall_type, roof_type, water_source, lighting, cooking_fuel, toilet, desil, status, quality, "
            + "version, created_at, created_by, updated_at, updated_by";
    private static final String MEMBER = "id, household_id, region_code, nik, no_nik_reason, full_name, birth_place, "
            + "birth_date, sex, relationship, marital_status, education, occupation, disability, mother_name, phone, "
            + "status, quality, version, created_at, created_by, updated_at, updated_by";
    private static final String BANK_ACCOUNT = "id, household_id, member_id, region_code, bank_code, account_number, "
            + "holder_name, verified, active, version, created_at, created_by, updated_at, updated_by";
    private static final String PROGRAM = "id, household_id, member_id, region_code, program_code, since, status, "
            + "created_at, created_by, updated_at, updated_by";
    private static final String HISTORY = "id, household_id, region_code, entity_type, entity_id, action, changes, "
            + "reason, at, actor";
    private static final String ISSUE = "id, household_id, member_id, region_code, code, severity, field, args, "
            + "accepted_reason, open, found_at";

    public final class Batch {
        private final StringBuilder households = new StringBuilder();
        private final StringBuilder members = new StringBuilder();
        private final StringBuilder accounts = new StringBuilder();
        private final StringBuilder programs = new StringBuilder();
        private final StringBuilder history = new StringBuilder();
        private final StringBuilder issues = new StringBuilder();

        public void household(Household h) {
            row(households, h.id(), h.regionCode(), h.noKk(), h.dtksId(), h.address(), h.rt(), h.rw(), h.dusun(),
                    h.houseOwnership(), h.floorType(), h.wallType(), h.roofType(), h.waterSource(), h.lighting(),
                    h.cookingFuel(), h.toilet(), h.desil(), h.status(), h.quality(), 0, h.createdAt(), h.createdBy(),
                    h.updatedAt(), h.updatedBy());
        }

        public void member(Member m) {
            row(members, m.id(), m.householdId(), m.regionCode(), m.nik(), m.noNikReason(), m.fullName(),
                    m.birthPlace(), m.birthDate(), m.sex() == null ? null : m.sex().name(), m.relationship().name(),
                    m.maritalStatus(), m.education(), m.occupation(), m.disability(), m.motherName(), m.phone(),
                    m.status(), m.quality(), 0, m.createdAt(), m.createdBy(), m.updatedAt(), m.updatedBy());
        }

        public void bankAccount(BankAccount a, String regionCode) {
            row(accounts, a.id(), a.householdId(), a.memberId(), regionCode, a.bankCode(), a.accountNumber(),
                    a.holderName(), false, true, 0, a.createdAt(), a.createdBy(), a.createdAt(), a.createdBy());
        }

        public void program(UUID id, UUID householdId, UUID memberId, String regionCode, String program,
                            LocalDate since, String status, Instant at, String by) {
            row(programs, id, householdId, memberId, regionCode, program, since, status, at, by, at, by);
        }

        public void history(UUID id, UUID householdId, String regionCode, String entityType, UUID entityId,
                            String action, String changesJson, String reason, Instant at, String actor) {
            row(history, id, householdId, regionCode, entityType, entityId, action, changesJson, reason, at, actor);
        }

        public void issue(UUID id, UUID householdId, UUID memberId, String regionCode, String code, String severity,
                          String field, String args, String acceptedReason, Instant at) {
            row(issues, id, householdId, memberId, regionCode, code, severity, field, args, acceptedReason,
                    acceptedReason == null, at);
        }

        /** Inserts everything gathered, parents first, on the current transaction's connection. */
        public void write() {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                insert(connection, copy, "household", HOUSEHOLD, households);
                insert(connection, copy, "member", MEMBER, members);
                insert(connection, copy, "bank_account", BANK_ACCOUNT, accounts);
                insert(connection, copy, "program_participation", PROGRAM, programs);
                insert(connection, copy, "registry_history", HISTORY, history);
                insert(connection, copy, "quality_issue", ISSUE, issues);
            } catch (SQLException e) {
                throw new IllegalStateException("Bulk insert into the registry failed", e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }
    }

    private static void insert(Connection connection, CopyManager copy, String table, String columns,
                               StringBuilder rows) throws SQLException, IOException {
        if (rows.isEmpty()) {
            return;
        }
        String temp = "bulk_" + table;
        try (Statement st = connection.createStatement()) {
            st.execute("create temp table if not exists " + temp + " (like " + table + ") on commit drop");
        }
        copy.copyIn("copy " + temp + " (" + columns + ") from stdin", new StringBuilderReader(rows));
        try (Statement st = connection.createStatement()) {
            st.execute("insert into " + table + " (" + columns + ") select " + columns + " from " + temp);
            st.execute("truncate " + temp);
        }
    }

    /** One line of COPY text: tab-separated, {@code \N} for null, backslash escapes. */
    private static void row(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            Object v = values[i];
            if (v == null) {
                out.append("\\N");
            } else if (v instanceof Boolean b) {
                out.append(b ? 't' : 'f');
            } else {
                String s = v.toString();
                for (int k = 0; k < s.length(); k++) {
                    char c = s.charAt(k);
                    switch (c) {
                        case '\\' -> out.append("\\\\");
                        case '\t' -> out.append("\\t");
                        case '\n' -> out.append("\\n");
                        case '\r' -> out.append("\\r");
                        default -> out.append(c);
                    }
                }
            }
        }
        out.append('\n');
    }

    /** Reads a StringBuilder without copying it into a String first. */
    private static final class StringBuilderReader extends java.io.Reader {
        private final StringBuilder sb;
        private int pos;

        StringBuilderReader(StringBuilder sb) {
            this.sb = sb;
        }

        @Override
        public int read(char[] buf, int off, int len) {
            if (pos >= sb.length()) {
                return -1;
            }
            int n = Math.min(len, sb.length() - pos);
            sb.getChars(pos, pos + n, buf, off);
            pos += n;
            return n;
        }

        @Override
        public void close() {
        }
    }
}
