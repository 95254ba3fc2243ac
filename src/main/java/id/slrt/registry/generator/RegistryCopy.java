package id.slrt.registry.generator;

import id.slrt.registry.Issue;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;

/**
 * Writes a batch of generated households with COPY. PostgreSQL refuses {@code COPY FROM} into a table
 * with row-level security ("COPY FROM not supported with row-level security"), so each table's rows
 * are copied into a temporary staging table first and moved with one {@code INSERT … SELECT}, which
 * the policies check row by row like any other insert.
 */
final class RegistryCopy {
    static final String ACTOR = "generator";
    static final String ARG_SEPARATOR = "\u001F";

    /** The tables in the order their foreign keys need. */
    enum Table {
        HOUSEHOLD("household", "id, region_code, no_kk, address, rt, rw, dusun, latitude, longitude, house_ownership, "
                + "floor_area_m2, floor_type, wall_type, roof_type, water_source, lighting, cooking_fuel, toilet, desil, "
                + "desil_as_of, status, quality, version, created_at, created_by, updated_at, updated_by"),
        MEMBER("member", "id, household_id, region_code, nik, full_name, birth_place, birth_date, sex, relationship, "
                + "marital_status, education, occupation, disability, mother_name, phone, status, quality, version, "
                + "created_at, created_by, updated_at, updated_by"),
        BANK_ACCOUNT("bank_account", "id, household_id, member_id, region_code, bank_code, account_number, holder_name, "
                + "verified, verified_at, verified_by, active, version, created_at, created_by, updated_at, updated_by"),
        PPKS_CONDITION("ppks_condition", "id, household_id, member_id, region_code, category_code, since, active, "
                + "created_at, created_by"),
        PROGRAM_PARTICIPATION("program_participation", "id, household_id, member_id, region_code, program_code, since, "
                + "status, created_at, created_by, updated_at, updated_by"),
        QUALITY_ISSUE("quality_issue", "id, household_id, member_id, region_code, code, severity, field, args, open, "
                + "found_at");

        private final String table;
        private final String columns;

        Table(String table, String columns) {
            this.table = table;
            this.columns = columns;
        }

        String table() {
            return table;
        }
    }

    private final Map<Table, Rows> rows = new EnumMap<>(Table.class);
    private final Instant now;

    RegistryCopy(Instant now) {
        this.now = now;
        for (Table t : Table.values()) {
            rows.put(t, new Rows());
        }
    }

    void add(Generated.Household h) {
        String region = h.village().code();
        Generated.Housing x = h.housing();
        rows.get(Table.HOUSEHOLD).add(h.id(), region, h.noKk(), h.address(), h.rt(), h.rw(), h.dusun(), h.latitude(),
                h.longitude(), x.ownership(), x.floorArea(), x.floor(), x.wall(), x.roof(), x.water(), x.lighting(),
                x.cookingFuel(), x.toilet(), h.desil(), h.desilAsOf(), "ACTIVE", h.quality(), 0, now, ACTOR, now, ACTOR);
        for (Generated.Member m : h.members()) {
            rows.get(Table.MEMBER).add(m.id(), h.id(), region, m.nik(), m.fullName(), m.birthPlace(), m.birthDate(),
                    m.sex(), m.relationship(), m.maritalStatus(), m.education(), m.occupation(), m.disability(),
                    m.motherName(), m.phone(), "ACTIVE", m.quality(), 0, now, ACTOR, now, ACTOR);
        }
        Generated.Account a = h.account();
        if (a != null) {
            rows.get(Table.BANK_ACCOUNT).add(a.id(), h.id(), a.memberId(), region, a.bankCode(), a.number(),
                    a.holderName(), a.verifiedAt() != null, a.verifiedAt(), a.verifiedAt() == null ? null : ACTOR, true,
                    0, now, ACTOR, now, ACTOR);
        }
        for (Generated.Ppks p : h.ppks()) {
            rows.get(Table.PPKS_CONDITION).add(p.id(), h.id(), p.memberId(), region, p.category(), p.since(), true,
                    now, ACTOR);
        }
        for (Generated.Participation p : h.programs()) {
            rows.get(Table.PROGRAM_PARTICIPATION).add(p.id(), h.id(), p.memberId(), region, p.program(), p.since(),
                    "ACTIVE", now, ACTOR, now, ACTOR);
        }
        for (Generated.Finding f : h.findings()) {
            Issue i = f.issue();
            rows.get(Table.QUALITY_ISSUE).add(f.id(), h.id(), f.memberId(), region, i.code(), i.severity(), i.field(),
                    args(i), true, now);
        }
    }

    /** Copies every table's rows on the caller's (transactional) connection; returns the rows per table. */
    Map<Table, Long> write(Connection connection) throws SQLException, IOException {
        Map<Table, Long> counts = new EnumMap<>(Table.class);
        PGConnection pg = connection.unwrap(PGConnection.class);
        for (Table t : Table.values()) {
            Rows r = rows.get(t);
            if (r.count > 0) {
                String staging = "generator_" + t.table;
                execute(connection, "CREATE TEMP TABLE " + staging + " (LIKE " + t.table + ") ON COMMIT DROP");
                pg.getCopyAPI().copyIn("COPY " + staging + " (" + t.columns + ") FROM STDIN (FORMAT csv)",
                        new StringReader(r.csv.toString()));
                execute(connection, "INSERT INTO " + t.table + " (" + t.columns + ") SELECT " + t.columns + " FROM " + staging);
            }
            counts.put(t, (long) r.count);
        }
        return counts;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }

    /**
     * Message arguments as the registry stores them: each as text, separated by the unit separator
     * U+001F (no argument contains it); the registry splits them again to render the message.
     */
    static String args(Issue issue) {
        if (issue.args().length == 0) {
            return null;
        }
        return Arrays.stream(issue.args()).map(a -> a instanceof Enum<?> e ? e.name() : String.valueOf(a))
                .collect(Collectors.joining(ARG_SEPARATOR));
    }

    /** CSV rows as COPY reads them: an empty unquoted field is NULL, an empty string is "". */
    private static final class Rows {
        private final StringBuilder csv = new StringBuilder(1 << 16);
        private int count;

        void add(Object... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                append(values[i]);
            }
            csv.append('\n');
            count++;
        }

        private void append(Object value) {
            if (value == null) {
                return;
            }
            String s = value instanceof BigDecimal d ? d.toPlainString()
                    : value instanceof LocalDate || value instanceof Instant ? value.toString()
                    : value instanceof Enum<?> e ? e.name() : value.toString();
            if (s.isEmpty() || s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0
                    || s.indexOf('\r') >= 0) {
                csv.append('"').append(s.replace("\"", "\"\"")).append('"');
            } else {
                csv.append(s);
            }
        }
    }
}
