package id.slrt.program.internal;

import id.slrt.platform.Paged;
import id.slrt.program.Benefit;
import id.slrt.program.Program;
import id.slrt.program.ProgramFilter;
import id.slrt.program.Sector;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Plain SQL over program_info. The catalogue is public information: no region scope applies. */
@Repository
public class ProgramRepository {
    private static final String COLUMNS = """
            code, name, purpose, audience, benefits::text as benefits, benefit_note, documents, how_to_apply,
            where_to_apply, contact, scope, sector, active_from, active_until, published, version, updated_at,
            updated_by""";
    private static final Map<String, String> ORDER = Map.of("code", "code", "name", "lower(name)", "sector",
            "sector", "updated", "updated_at");
    private static final TypeReference<List<Benefit>> BENEFITS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ProgramRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<Program> find(String code) {
        return jdbc.sql("select " + COLUMNS + " from program_info where code = ?").param(code)
                .query(this::row).optional();
    }

    public Paged<Program> list(ProgramFilter f, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (!f.includeUnpublished()) {
            where.append(" and published");
        }
        if (f.sector() != null) {
            where.append(" and sector = ?");
            params.add(f.sector().name());
        }
        if (f.q() != null) {
            where.append(" and (strpos(lower(code || ' ' || name || ' ' || purpose || ' ' || audience), lower(?)) > 0");
            params.add(f.q());
            if (!f.sectorsNamedByQ().isEmpty()) {
                where.append(" or sector = any(?)");
                params.add(f.sectorsNamedByQ().stream().map(Sector::name).toArray(String[]::new));
            }
            where.append(")");
        }
        long total = jdbc.sql("select count(*) from program_info" + where).params(params).query(Long.class).single();
        String order = ORDER.get(f.sort()) + (f.descending() ? " desc" : " asc") + ", code";
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<Program> items = jdbc.sql("select " + COLUMNS + " from program_info" + where + " order by " + order
                        + " limit ? offset ?")
                .params(pageParams).query(this::row).list();
        return new Paged<>(items, page, size, total);
    }

    /** Writes the editable fields when the row still has {@code expectedVersion}; false when it moved on. */
    public boolean update(Program p, int expectedVersion, Instant at) {
        return jdbc.sql("""
                update program_info set name = ?, purpose = ?, audience = ?, benefits = ?::jsonb, benefit_note = ?,
                  documents = ?, how_to_apply = ?, where_to_apply = ?, contact = ?, scope = ?, sector = ?,
                  active_from = ?, active_until = ?, published = ?, version = version + 1, updated_at = ?,
                  updated_by = ?
                where code = ? and version = ?""")
                .params(p.name(), p.purpose(), p.audience(), json.writeValueAsString(p.benefits()), p.benefitNote(),
                        p.documents().toArray(String[]::new), p.howToApply(), p.whereToApply(), p.contact(),
                        p.scope().name(), p.sector().name(), date(p.activeFrom()), date(p.activeUntil()),
                        p.published(), Timestamp.from(at), p.updatedBy(), p.code(), expectedVersion)
                .update() == 1;
    }

    private Program row(ResultSet rs, int n) throws SQLException {
        Array docs = rs.getArray("documents");
        Date from = rs.getDate("active_from");
        Date until = rs.getDate("active_until");
        return new Program(rs.getString("code"), rs.getString("name"), rs.getString("purpose"),
                rs.getString("audience"), json.readValue(rs.getString("benefits"), BENEFITS),
                rs.getString("benefit_note"), docs == null ? List.of() : Arrays.asList((String[]) docs.getArray()),
                rs.getString("how_to_apply"), rs.getString("where_to_apply"), rs.getString("contact"),
                Program.Scope.valueOf(rs.getString("scope")), Sector.valueOf(rs.getString("sector")),
                from == null ? null : from.toLocalDate(), until == null ? null : until.toLocalDate(),
                rs.getBoolean("published"), rs.getInt("version"), rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"));
    }

    private static Date date(java.time.LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }
}
