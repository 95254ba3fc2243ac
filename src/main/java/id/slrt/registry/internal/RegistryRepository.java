package id.slrt.registry.internal;

import id.slrt.platform.Paged;
import id.slrt.registry.Attachment;
import id.slrt.registry.ExportRow;
import id.slrt.registry.BankAccount;
import id.slrt.registry.HistoryEntry;
import id.slrt.registry.Household;
import id.slrt.registry.HouseholdFilter;
import id.slrt.registry.HouseholdRow;
import id.slrt.registry.Issue;
import id.slrt.registry.Member;
import id.slrt.registry.PersonHit;
import id.slrt.registry.QualityCount;
import id.slrt.registry.QualityDesa;
import id.slrt.registry.QualityItem;
import id.slrt.registry.Relationship;
import id.slrt.registry.Sex;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over the registry tables; row-level security limits every statement to the caller's scope. */
@Repository
public class RegistryRepository {
    private static final String HOUSEHOLD_COLUMNS = """
            id, region_code, no_kk, dtks_id, address, rt, rw, dusun, latitude, longitude, house_ownership, floor_area_m2,
            floor_type, wall_type, roof_type, water_source, lighting, cooking_fuel, toilet, desil, desil_as_of, status,
            status_date, status_reason, quality, version, created_at, created_by, updated_at, updated_by""";
    private static final String MEMBER_COLUMNS = """
            id, household_id, region_code, nik, no_nik_reason, full_name, birth_place, birth_date, sex, relationship,
            marital_status, education, occupation, disability, mother_name, phone, status, status_date, status_reason,
            quality, version, created_at, created_by, updated_at, updated_by""";
    private static final Map<String, String> SORTS = Map.of(
            "kk", "h.no_kk", "head", "hd.name_key", "region", "h.region_code", "members", "member_count",
            "quality", "h.quality", "updated", "h.updated_at");

    private final JdbcClient jdbc;

    RegistryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Household> household(UUID id) {
        return jdbc.sql("select " + HOUSEHOLD_COLUMNS + " from household where id = ?").param(id)
                .query(RegistryRepository::household).optional();
    }

    public List<Household> householdsByKk(String kk) {
        return jdbc.sql("select " + HOUSEHOLD_COLUMNS + " from household where no_kk = ? order by created_at").param(kk)
                .query(RegistryRepository::household).list();
    }

    public List<Member> members(UUID householdId) {
        return jdbc.sql("select " + MEMBER_COLUMNS + " from member where household_id = ? order by "
                        + "case relationship when 'KEPALA' then 0 when 'ISTRI_SUAMI' then 1 else 2 end, birth_date nulls last, created_at")
                .param(householdId).query(RegistryRepository::member).list();
    }

    public Optional<Member> member(UUID id) {
        return jdbc.sql("select " + MEMBER_COLUMNS + " from member where id = ?").param(id)
                .query(RegistryRepository::member).optional();
    }

    public List<Member> membersByNik(String nik) {
        return jdbc.sql("select " + MEMBER_COLUMNS + " from member where nik = ? order by status, created_at").param(nik)
                .query(RegistryRepository::member).list();
    }

    public void insertHousehold(Household h) {
        jdbc.sql("""
                insert into household (id, region_code, no_kk, dtks_id, address, rt, rw, dusun, house_ownership, floor_type,
                  wall_type, roof_type, water_source, lighting, cooking_fuel, toilet, desil, status, quality, version,
                  created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)""")
                .params(h.id(), h.regionCode(), h.noKk(), h.dtksId(), h.address(), h.rt(), h.rw(), h.dusun(),
                        h.houseOwnership(), h.floorType(), h.wallType(), h.roofType(), h.waterSource(), h.lighting(),
                        h.cookingFuel(), h.toilet(), h.desil(), h.status(), h.quality(), ts(h.createdAt()), h.createdBy(),
                        ts(h.updatedAt()), h.updatedBy())
                .update();
    }

    /** False when the row is no longer at {@code expectedVersion} (someone else saved first). */
    public boolean updateHousehold(Household h, int expectedVersion) {
        return jdbc.sql("""
                update household set region_code = ?, no_kk = ?, dtks_id = ?, address = ?, rt = ?, rw = ?, dusun = ?,
                  house_ownership = ?, floor_type = ?, wall_type = ?, roof_type = ?, water_source = ?, lighting = ?,
                  cooking_fuel = ?, toilet = ?, desil = ?, quality = ?, version = version + 1, updated_at = ?, updated_by = ?
                where id = ? and version = ?""")
                .params(h.regionCode(), h.noKk(), h.dtksId(), h.address(), h.rt(), h.rw(), h.dusun(), h.houseOwnership(),
                        h.floorType(), h.wallType(), h.roofType(), h.waterSource(), h.lighting(), h.cookingFuel(),
                        h.toilet(), h.desil(), h.quality(), ts(h.updatedAt()), h.updatedBy(), h.id(), expectedVersion)
                .update() == 1;
    }

    public void insertMember(Member m) {
        jdbc.sql("""
                insert into member (id, household_id, region_code, nik, no_nik_reason, full_name, birth_place, birth_date,
                  sex, relationship, marital_status, education, occupation, disability, mother_name, phone, status,
                  quality, version, created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)""")
                .params(m.id(), m.householdId(), m.regionCode(), m.nik(), m.noNikReason(), m.fullName(), m.birthPlace(),
                        date(m.birthDate()), m.sex() == null ? null : m.sex().name(), m.relationship().name(),
                        m.maritalStatus(), m.education(), m.occupation(), m.disability(), m.motherName(), m.phone(),
                        m.status(), m.quality(), ts(m.createdAt()), m.createdBy(), ts(m.updatedAt()), m.updatedBy())
                .update();
    }

    public boolean updateMember(Member m, int expectedVersion) {
        return jdbc.sql("""
                update member set region_code = ?, nik = ?, no_nik_reason = ?, full_name = ?, birth_place = ?, birth_date = ?,
                  sex = ?, relationship = ?, marital_status = ?, education = ?, occupation = ?, disability = ?,
                  mother_name = ?, phone = ?, quality = ?, version = version + 1, updated_at = ?, updated_by = ?
                where id = ? and version = ?""")
                .params(m.regionCode(), m.nik(), m.noNikReason(), m.fullName(), m.birthPlace(), date(m.birthDate()),
                        m.sex() == null ? null : m.sex().name(), m.relationship().name(), m.maritalStatus(),
                        m.education(), m.occupation(), m.disability(), m.motherName(), m.phone(), m.quality(),
                        ts(m.updatedAt()), m.updatedBy(), m.id(), expectedVersion)
                .update() == 1;
    }

    public boolean updateMemberStatus(UUID id, String status, LocalDate date, String reason, int expectedVersion,
                                      Instant at, String by) {
        return jdbc.sql("""
                update member set status = ?, status_date = ?, status_reason = ?, version = version + 1, updated_at = ?,
                  updated_by = ? where id = ? and version = ?""")
                .params(status, date(date), reason, ts(at), by, id, expectedVersion).update() == 1;
    }

    /**
     * Gives everything recorded about a household's people the household's new desa (a move), so that
     * row-level security shows them to the new desa and no longer to the old one. The history stays where
     * it was written (it is append-only).
     */
    public void moveHouseholdRegion(UUID householdId, String regionCode) {
        for (String table : List.of("member", "bank_account", "ppks_condition", "program_participation",
                "quality_issue")) {
            jdbc.sql("update " + table + " set region_code = ? where household_id = ?").params(regionCode, householdId)
                    .update();
        }
    }

    /** Moves a member to another household (same desa), with everything recorded about the member. */
    public boolean moveMember(UUID memberId, UUID toHousehold, String relationship, int expectedVersion, Instant at,
                              String by) {
        boolean moved = jdbc.sql("""
                update member set household_id = ?, relationship = ?, version = version + 1, updated_at = ?, updated_by = ?
                where id = ? and version = ? and status = 'ACTIVE'""")
                .params(toHousehold, relationship, ts(at), by, memberId, expectedVersion).update() == 1;
        if (moved) {
            for (String table : List.of("ppks_condition", "bank_account", "program_participation", "quality_issue")) {
                jdbc.sql("update " + table + " set household_id = ? where member_id = ?").params(toHousehold, memberId)
                        .update();
            }
        }
        return moved;
    }

    public boolean updateHouseholdStatus(UUID id, String status, LocalDate date, String reason, int expectedVersion,
                                         Instant at, String by) {
        return jdbc.sql("""
                update household set status = ?, status_date = ?, status_reason = ?, version = version + 1, updated_at = ?,
                  updated_by = ? where id = ? and version = ?""")
                .params(status, date(date), reason, ts(at), by, id, expectedVersion).update() == 1;
    }

    public void touchHousehold(UUID id, String quality, Instant at, String by) {
        jdbc.sql("update household set quality = ?, version = version + 1, updated_at = ?, updated_by = ? where id = ?")
                .params(quality, ts(at), by, id).update();
    }

    public void replaceOpenIssues(UUID householdId, String regionCode, List<IssueRow> issues, Instant at) {
        jdbc.sql("delete from quality_issue where household_id = ? and open").param(householdId).update();
        for (IssueRow i : issues) {
            jdbc.sql("""
                    insert into quality_issue (id, household_id, member_id, region_code, code, severity, field, args,
                      accepted_reason, open, found_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(i.id(), householdId, i.memberId(), regionCode, i.issue().code(), i.issue().severity().name(),
                            i.issue().field(), joinArgs(i.issue().args()), i.acceptedReason(),
                            i.acceptedReason() == null, ts(at))
                    .update();
        }
    }

    /** An issue to keep with the data; accepted warnings carry the reason and are not open. */
    public record IssueRow(UUID id, UUID memberId, Issue issue, String acceptedReason) {
    }

    /** An open finding; {@code issue()} rebuilds it (arguments as text) for rendering. */
    public record OpenIssue(UUID memberId, String code, String severity, String field, String args) {
        public Issue issue() {
            Object[] a = args == null || args.isEmpty() ? new Object[0] : args.split(ARG_SEPARATOR, -1);
            return new Issue(code, Issue.Severity.valueOf(severity), field, a);
        }
    }

    private static final String ARG_SEPARATOR = "\u001F";

    public static String joinArgs(Object[] args) {
        return String.join(ARG_SEPARATOR, Arrays.stream(args).map(String::valueOf).toList());
    }

    public List<OpenIssue> openIssues(UUID householdId) {
        return jdbc.sql("select member_id, code, severity, field, args from quality_issue where household_id = ? and open order by severity, code")
                .param(householdId)
                .query((rs, n) -> new OpenIssue(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .list();
    }

    public List<BankAccount> bankAccounts(UUID householdId) {
        return jdbc.sql("""
                select id, household_id, member_id, bank_code, account_number, holder_name, verified, active, created_at,
                  created_by from bank_account where household_id = ? order by active desc, created_at""")
                .param(householdId)
                .query((rs, n) -> new BankAccount(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7),
                        rs.getBoolean(8), rs.getTimestamp(9).toInstant(), rs.getString(10)))
                .list();
    }

    public void insertBankAccount(BankAccount a, String regionCode) {
        jdbc.sql("""
                insert into bank_account (id, household_id, member_id, region_code, bank_code, account_number, holder_name,
                  verified, active, version, created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, false, true, 0, ?, ?, ?, ?)""")
                .params(a.id(), a.householdId(), a.memberId(), regionCode, a.bankCode(), a.accountNumber(), a.holderName(),
                        ts(a.createdAt()), a.createdBy(), ts(a.createdAt()), a.createdBy())
                .update();
    }

    /** Where a PPKS category applies (PERSON, HOUSEHOLD, BOTH), if it exists and is active. */
    public Optional<String> ppksAppliesTo(String category) {
        return jdbc.sql("select applies_to from ppks_category where code = ? and active").param(category)
                .query(String.class).optional();
    }

    public boolean programExists(String code) {
        return jdbc.sql("select exists(select 1 from program where code = ? and active)").param(code)
                .query(Boolean.class).single();
    }

    public boolean programActive(UUID householdId, UUID memberId, String program) {
        return jdbc.sql("""
                select exists(select 1 from program_participation where household_id = ? and program_code = ?
                  and status in ('ACTIVE', 'PROPOSED') and member_id is not distinct from ?)""")
                .params(householdId, program, memberId).query(Boolean.class).single();
    }

    public void insertPpks(UUID id, UUID householdId, UUID memberId, String regionCode, String category, LocalDate since,
                           String note, Instant at, String by) {
        jdbc.sql("""
                insert into ppks_condition (id, household_id, member_id, region_code, category_code, since, note, active,
                  created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, true, ?, ?)""")
                .params(id, householdId, memberId, regionCode, category, date(since), note, ts(at), by).update();
    }

    public boolean endPpks(UUID id, UUID householdId, LocalDate ended) {
        return jdbc.sql("update ppks_condition set active = false, ended_at = ? where id = ? and household_id = ? and active")
                .params(date(ended), id, householdId).update() == 1;
    }

    public void insertProgram(UUID id, UUID householdId, UUID memberId, String regionCode, String program, LocalDate since,
                              String status, Instant at, String by) {
        jdbc.sql("""
                insert into program_participation (id, household_id, member_id, region_code, program_code, since, status,
                  created_at, created_by, updated_at, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, householdId, memberId, regionCode, program, date(since), status, ts(at), by, ts(at), by)
                .update();
    }

    /** Turns a proposed participation active; the id of the participation changed, if there was one. */
    public Optional<UUID> activateProposedProgram(UUID householdId, UUID memberId, String program, LocalDate since,
                                                  Instant at, String by) {
        return jdbc.sql("""
                update program_participation set status = 'ACTIVE', since = coalesce(since, ?), updated_at = ?,
                  updated_by = ?
                where household_id = ? and program_code = ? and member_id is not distinct from ? and status = 'PROPOSED'
                returning id""")
                .params(date(since), ts(at), by, householdId, program, memberId).query(UUID.class).optional();
    }

    public boolean endProgram(UUID id, UUID householdId, String status, LocalDate until, Instant at, String by) {
        return jdbc.sql("""
                update program_participation set status = ?, until = ?, updated_at = ?, updated_by = ?
                where id = ? and household_id = ? and status in ('ACTIVE', 'PROPOSED')""")
                .params(status, date(until), ts(at), by, id, householdId).update() == 1;
    }

    public List<Attachment> ppks(UUID householdId) {
        return jdbc.sql("""
                select p.id, p.member_id, p.category_code, c.name, p.since, p.ended_at, case when p.active then 'ACTIVE' else 'ENDED' end
                from ppks_condition p join ppks_category c on c.code = p.category_code
                where p.household_id = ? order by p.active desc, c.number nulls last""")
                .param(householdId).query(RegistryRepository::attachment).list();
    }

    public List<Attachment> programs(UUID householdId) {
        return jdbc.sql("""
                select p.id, p.member_id, p.program_code, g.name, p.since, p.until, p.status
                from program_participation p join program g on g.code = p.program_code
                where p.household_id = ? order by p.status, g.name""")
                .param(householdId).query(RegistryRepository::attachment).list();
    }

    private static Attachment attachment(ResultSet rs, int n) throws SQLException {
        Date since = rs.getDate(5);
        Date until = rs.getDate(6);
        return new Attachment(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), since == null ? null : since.toLocalDate(), until == null ? null : until.toLocalDate(),
                rs.getString(7));
    }

    /** Open findings counted per desa and code, in the caller's scope. */
    public List<QualityCount> qualityCounts(String regionPrefix) {
        return jdbc.sql("""
                select region_code, code, severity, count(distinct household_id), count(*) from quality_issue
                where open and region_code >= ? and region_code < ?
                group by region_code, code, severity order by region_code, severity, code""")
                .params(regionPrefix, regionPrefix + ":")
                .query((rs, n) -> new QualityCount(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getLong(4), rs.getLong(5)))
                .list();
    }

    /** Per desa: open errors, open warnings and the households they concern (each counted once). */
    public List<QualityDesa> qualityByDesa(String regionPrefix) {
        return jdbc.sql("""
                select region_code, count(*) filter (where severity = 'ERROR'), count(*) filter (where severity = 'WARNING'),
                  count(distinct household_id)
                from quality_issue where open and region_code >= ? and region_code < ?
                group by region_code order by region_code""")
                .params(regionPrefix, regionPrefix + ":")
                .query((rs, n) -> new QualityDesa(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    public Paged<QualityItem> worklist(String regionPrefix, String code, int page, int size) {
        String where = " where q.open and q.region_code >= ? and q.region_code < ?" + (notBlank(code) ? " and q.code = ?" : "");
        List<Object> params = new ArrayList<>(List.of(regionPrefix, regionPrefix + ":"));
        if (notBlank(code)) {
            params.add(code);
        }
        long total = jdbc.sql("select count(*) from quality_issue q" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<QualityItem> items = jdbc.sql("""
                select q.household_id, q.member_id, q.region_code, h.no_kk,
                  coalesce(m.full_name, (select k.full_name from member k where k.household_id = h.id and k.relationship = 'KEPALA' limit 1)),
                  q.code, q.severity, q.field, q.args
                from quality_issue q join household h on h.id = q.household_id left join member m on m.id = q.member_id"""
                        + where + " order by q.severity, q.region_code, q.found_at, q.id limit ? offset ?")
                .params(pageParams)
                .query((rs, n) -> new QualityItem(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getString(5),
                        new OpenIssue(null, rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)).issue()))
                .list();
        return new Paged<>(items, page, size, total);
    }

    public void insertHistory(UUID id, UUID householdId, String regionCode, String entityType, UUID entityId,
                              String action, String changesJson, String reason, Instant at, String actor) {
        jdbc.sql("""
                insert into registry_history (id, household_id, region_code, entity_type, entity_id, action, changes,
                  reason, at, actor) values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""")
                .params(id, householdId, regionCode, entityType, entityId, action, changesJson, reason, ts(at), actor)
                .update();
    }

    public List<HistoryEntry> history(UUID householdId) {
        return jdbc.sql("""
                select at, actor, entity_type, entity_id, action, changes::text, reason from registry_history
                where household_id = ? order by at desc, id desc""")
                .param(householdId)
                .query((rs, n) -> new HistoryEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
    }

    public Paged<HouseholdRow> list(HouseholdFilter f, int page, int size) {
        List<Object> params = new ArrayList<>();
        String where = where(f, params);
        String from = " from household h left join lateral (select m.full_name as name, m.name_key, m.nik from member m"
                + " where m.household_id = h.id and m.relationship = 'KEPALA' and m.status = 'ACTIVE' limit 1) hd on true";
        long total = jdbc.sql("select count(*) from household h" + where).params(params).query(Long.class).single();
        String order = SORTS.getOrDefault(f.sort(), "h.updated_at") + (f.descending() ? " desc" : " asc")
                + ", h.id";
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<HouseholdRow> rows = jdbc.sql("select h.id, h.no_kk, hd.name, hd.nik, h.region_code, h.quality, h.status, "
                        + "(select count(*) from member m where m.household_id = h.id and m.status = 'ACTIVE') as member_count, "
                        + "h.updated_at" + from + where + " order by " + order + " limit ? offset ?")
                .params(pageParams)
                .query((rs, n) -> new HouseholdRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8),
                        rs.getTimestamp(9).toInstant()))
                .list();
        return new Paged<>(rows, page, size, total);
    }

    /** The list filter as a where clause over {@code household h}; appends its parameters to {@code params}. */
    private static String where(HouseholdFilter f, List<Object> params) {
        StringBuilder where = new StringBuilder(" where true");
        if (notBlank(f.region())) {
            where.append(" and h.region_code >= ? and h.region_code < ?");
            params.add(f.region());
            params.add(f.region() + ":");
        }
        if (notBlank(f.ppks())) {
            where.append(" and exists (select 1 from ppks_condition p where p.household_id = h.id and p.active and p.category_code = ?)");
            params.add(f.ppks());
        }
        if (notBlank(f.program())) {
            where.append(" and exists (select 1 from program_participation pp where pp.household_id = h.id and pp.status = 'ACTIVE' and pp.program_code = ?)");
            params.add(f.program());
        }
        if (notBlank(f.quality())) {
            where.append(" and h.quality = ?");
            params.add(f.quality());
        }
        where.append(" and h.status = ?");
        params.add(notBlank(f.status()) ? f.status() : "ACTIVE");
        return where.toString();
    }

    /** Rows fetched per round trip by an export: memory stays flat however many rows match. */
    private static final int EXPORT_FETCH_SIZE = 1000;

    /**
     * Streams one row per active member of the households the filter selects, ordered by desa, No. KK
     * and the member's place in the family. Must run inside a transaction: only there does the driver
     * use a cursor and fetch {@value #EXPORT_FETCH_SIZE} rows at a time instead of the whole result.
     * Returns the number of rows passed to {@code sink}.
     */
    public long exportRows(HouseholdFilter f, Function<String, ExportRow.Place> places, Consumer<ExportRow> sink) {
        List<Object> params = new ArrayList<>();
        String where = where(f, params);
        long[] count = {0};
        jdbc.sql("""
                        select h.id, h.no_kk, h.region_code, h.address, h.rt, h.rw, h.dusun, h.dtks_id, h.desil,
                               h.house_ownership, h.floor_area_m2, h.floor_type, h.wall_type, h.roof_type, h.water_source,
                               h.lighting, h.cooking_fuel, h.toilet,
                               (select string_agg(distinct p.category_code, ';' order by p.category_code)
                                  from ppks_condition p where p.household_id = h.id and p.active) as ppks,
                               (select string_agg(distinct pp.program_code, ';' order by pp.program_code)
                                  from program_participation pp where pp.household_id = h.id and pp.status = 'ACTIVE') as programs,
                               h.quality, m.id as member_id, m.nik, m.full_name, m.birth_place, m.birth_date, m.sex,
                               m.relationship, m.marital_status, m.mother_name
                        from household h join member m on m.household_id = h.id and m.status = 'ACTIVE'"""
                        + where + " " + """
                        order by h.region_code, h.no_kk, h.id,
                                  case m.relationship when 'KEPALA' then 0 when 'ISTRI_SUAMI' then 1 else 2 end,
                                  m.birth_date nulls last, m.id""")
                .params(params)
                .withFetchSize(EXPORT_FETCH_SIZE)
                .query((RowCallbackHandler) rs -> {
                    String sex = rs.getString("sex");
                    String region = rs.getString("region_code");
                    sink.accept(new ExportRow(rs.getObject("id", UUID.class), rs.getString("no_kk"), region,
                            places.apply(region), rs.getString("address"), rs.getString("rt"), rs.getString("rw"),
                            rs.getString("dusun"), rs.getString("dtks_id"), (Integer) rs.getObject("desil", Integer.class),
                            rs.getString("house_ownership"), rs.getBigDecimal("floor_area_m2"), rs.getString("floor_type"),
                            rs.getString("wall_type"), rs.getString("roof_type"), rs.getString("water_source"),
                            rs.getString("lighting"), rs.getString("cooking_fuel"), rs.getString("toilet"),
                            rs.getString("ppks"), rs.getString("programs"), rs.getString("quality"),
                            rs.getObject("member_id", UUID.class), rs.getString("nik"), rs.getString("full_name"),
                            rs.getString("birth_place"), localDate(rs, "birth_date"), sex == null ? null : Sex.valueOf(sex),
                            Relationship.valueOf(rs.getString("relationship")), rs.getString("marital_status"),
                            rs.getString("mother_name")));
                    count[0]++;
                });
        return count[0];
    }

    /**
     * People whose name key is similar to {@code key} (pg_trgm, ranked by similarity), optionally narrowed
     * by birth year and region prefix.
     */
    public List<PersonHit> searchByName(String key, Integer birthYear, String region, int limit) {
        // A function, not a plain query: see V8 for why row-level security cannot use the trigram index.
        return jdbc.sql("select member_id, household_id, full_name, nik, birth_date, region_code, status, score "
                        + "from slrt_search_people(?, ?, ?, ?, ?)")
                .params(key, birthYear == null ? null : Date.valueOf(LocalDate.of(birthYear, 1, 1)),
                        birthYear == null ? null : Date.valueOf(LocalDate.of(birthYear + 1, 1, 1)),
                        notBlank(region) ? region : null, limit)
                .query(RegistryRepository::hit).list();
    }

    public List<PersonHit> peopleByNik(String nik) {
        return jdbc.sql("""
                select m.id, m.household_id, m.full_name, m.nik, m.birth_date, m.region_code, m.status, 1.0 as score
                from member m where m.nik = ? order by m.status, m.created_at""")
                .param(nik).query(RegistryRepository::hit).list();
    }

    public List<PersonHit> headsByKk(String kk) {
        return jdbc.sql("""
                select m.id, m.household_id, m.full_name, m.nik, m.birth_date, m.region_code, m.status, 1.0 as score
                from household h join member m on m.household_id = h.id and m.relationship = 'KEPALA'
                where h.no_kk = ? order by m.status, m.created_at""")
                .param(kk).query(RegistryRepository::hit).list();
    }

    private static PersonHit hit(ResultSet rs, int n) throws SQLException {
        Date birth = rs.getDate(5);
        return new PersonHit(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                birth == null ? null : birth.toLocalDate(), rs.getString(6), rs.getString(7), rs.getDouble(8));
    }

    static Household household(ResultSet rs, int n) throws SQLException {
        return new Household(rs.getObject("id", UUID.class), rs.getString("region_code"), rs.getString("no_kk"),
                rs.getString("dtks_id"), rs.getString("address"), rs.getString("rt"), rs.getString("rw"),
                rs.getString("dusun"), rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"),
                rs.getString("house_ownership"), rs.getBigDecimal("floor_area_m2"), rs.getString("floor_type"),
                rs.getString("wall_type"), rs.getString("roof_type"), rs.getString("water_source"),
                rs.getString("lighting"), rs.getString("cooking_fuel"), rs.getString("toilet"),
                (Integer) rs.getObject("desil", Integer.class), localDate(rs, "desil_as_of"), rs.getString("status"),
                localDate(rs, "status_date"), rs.getString("status_reason"), rs.getString("quality"), rs.getInt("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }

    static Member member(ResultSet rs, int n) throws SQLException {
        String sex = rs.getString("sex");
        return new Member(rs.getObject("id", UUID.class), rs.getObject("household_id", UUID.class),
                rs.getString("region_code"), rs.getString("nik"), rs.getString("no_nik_reason"), rs.getString("full_name"),
                rs.getString("birth_place"), localDate(rs, "birth_date"), sex == null ? null : Sex.valueOf(sex),
                Relationship.valueOf(rs.getString("relationship")), rs.getString("marital_status"),
                rs.getString("education"), rs.getString("occupation"), rs.getString("disability"),
                rs.getString("mother_name"), rs.getString("phone"), rs.getString("status"), localDate(rs, "status_date"),
                rs.getString("status_reason"), rs.getString("quality"), rs.getInt("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
