package id.slrt.portal.internal;

import id.slrt.platform.Paged;
import id.slrt.portal.PublicQuestion;
import id.slrt.portal.Question;
import id.slrt.portal.QuestionContact;
import id.slrt.portal.QuestionEvent;
import id.slrt.portal.QuestionStatus;
import id.slrt.portal.RejectReason;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Plain SQL over question, question_contact and question_event; row-level security limits every query
 * to the transaction's scope. Public reads select only the public columns and never touch the contact.
 */
@Repository
public class QuestionRepository {
    private static final String COLUMNS = """
            id, reference, region_code, program_code, asked_text, public_text, asker_initials, answer, status,
            reject_reason, status_note, answered_at, answered_by, published_at, published_by, version, created_at,
            updated_at, updated_by""";
    private static final String PUBLIC_COLUMNS = "reference, program_code, public_text, answer, asker_initials, published_at";

    private final JdbcClient jdbc;

    QuestionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Question q, QuestionContact contact, String by) {
        jdbc.sql("""
                insert into question (id, reference, region_code, program_code, asked_text, public_text, asker_initials,
                  status, version, created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, 'NEW', 0, ?, ?, ?, ?)""")
                .params(q.id(), q.reference(), q.regionCode(), q.programCode(), q.askedText(), q.publicText(),
                        q.askerInitials(), ts(q.createdAt()), by, ts(q.createdAt()), by)
                .update();
        if (contact != null) {
            jdbc.sql("""
                    insert into question_contact (question_id, region_code, name, email, phone, created_at)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(q.id(), q.regionCode(), contact.name(), contact.email(), contact.phone(), ts(q.createdAt()))
                    .update();
        }
    }

    public Optional<Question> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from question where id = ?").param(id)
                .query(QuestionRepository::row).optional();
    }

    /** Locks the row for a moderation step (two moderators on one question wait for each other). */
    public Optional<Question> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from question where id = ? for update").param(id)
                .query(QuestionRepository::row).optional();
    }

    public Optional<Question> findByReference(String reference) {
        return jdbc.sql("select " + COLUMNS + " from question where reference = ?").param(reference)
                .query(QuestionRepository::row).optional();
    }

    public Optional<QuestionContact> contact(UUID id) {
        return jdbc.sql("select name, email, phone from question_contact where question_id = ?").param(id)
                .query((rs, n) -> new QuestionContact(rs.getString("name"), rs.getString("email"), rs.getString("phone")))
                .optional();
    }

    public boolean hasContact(UUID id) {
        return jdbc.sql("select exists (select 1 from question_contact where question_id = ?)").param(id)
                .query(Boolean.class).single();
    }

    /** Writes a moderation step: the whole row as {@code after}, only when still at {@code expectedVersion}. */
    public boolean update(Question after, int expectedVersion, Instant at, String by) {
        return jdbc.sql("""
                update question set program_code = ?, public_text = ?, answer = ?, status = ?, reject_reason = ?,
                  status_note = ?, answered_at = ?, answered_by = ?, published_at = ?, published_by = ?,
                  version = version + 1, updated_at = ?, updated_by = ?
                where id = ? and version = ?""")
                .params(after.programCode(), after.publicText(), after.answer(), after.status().name(),
                        after.rejectReason() == null ? null : after.rejectReason().name(), after.statusNote(),
                        ts(after.answeredAt()), after.answeredBy(), ts(after.publishedAt()), after.publishedBy(),
                        ts(at), by, after.id(), expectedVersion)
                .update() == 1;
    }

    public void event(UUID id, UUID questionId, String regionCode, Instant at, String actor, String role, String action,
                      QuestionStatus from, QuestionStatus to, String note) {
        jdbc.sql("""
                insert into question_event (id, question_id, region_code, at, actor, actor_role, action, from_status,
                  to_status, note) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, questionId, regionCode, ts(at), actor, role, action, from == null ? null : from.name(),
                        to == null ? null : to.name(), note)
                .update();
    }

    public List<QuestionEvent> events(UUID questionId) {
        return jdbc.sql("""
                select at, actor, actor_role, action, from_status, to_status, note from question_event
                where question_id = ? order by at, id""").param(questionId)
                .query((rs, n) -> new QuestionEvent(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("actor_role"), rs.getString("action"), status(rs.getString("from_status")),
                        status(rs.getString("to_status")), rs.getString("note")))
                .list();
    }

    // --- staff queue ---------------------------------------------------------------------------------

    /** Questions in one status, oldest first; {@code q} searches what was asked and the public wording. */
    public Paged<Question> queue(QuestionStatus status, String q, int page, int size) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where status = ?");
        params.add(status.name());
        if (q != null && !q.isBlank()) {
            where.append(" and (asked_text ilike ? escape '\\' or public_text ilike ? escape '\\' or reference = ?)");
            String like = "%" + likeEscape(q.trim()) + "%";
            params.add(like);
            params.add(like);
            params.add(q.trim().toUpperCase(Locale.ROOT));
        }
        long total = jdbc.sql("select count(*) from question" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<Question> items = jdbc.sql("select " + COLUMNS + " from question" + where
                        + " order by created_at, id limit ? offset ?")
                .params(pageParams).query(QuestionRepository::row).list();
        return new Paged<>(items, page, size, total);
    }

    public Map<QuestionStatus, Long> countsByStatus() {
        Map<QuestionStatus, Long> counts = new EnumMap<>(QuestionStatus.class);
        for (QuestionStatus s : QuestionStatus.values()) {
            counts.put(s, 0L);
        }
        jdbc.sql("select status, count(*) as n from question group by status")
                .query((ResultSet rs) -> {
                    counts.put(QuestionStatus.valueOf(rs.getString("status")), rs.getLong("n"));
                });
        return counts;
    }

    // --- public --------------------------------------------------------------------------------------

    /**
     * Published questions, newest first, or by relevance when searching. {@code words} are search words
     * already reduced to letters and digits; each matches as a prefix ("sekol" finds "sekolah").
     */
    public Paged<PublicQuestion> published(List<String> words, String programCode, int page, int size) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where status = 'PUBLISHED'");
        String tsquery = words.isEmpty() ? null : String.join(" & ", words.stream().map(w -> w + ":*").toList());
        if (tsquery != null) {
            where.append(" and search @@ to_tsquery('simple', ?)");
            params.add(tsquery);
        }
        if (programCode != null) {
            where.append(" and program_code = ?");
            params.add(programCode);
        }
        long total = jdbc.sql("select count(*) from question" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>();
        String order = " order by published_at desc, id";
        if (tsquery != null) {
            order = " order by ts_rank(search, to_tsquery('simple', ?)) desc, published_at desc, id";
            pageParams.add(tsquery);
        }
        List<Object> all = new ArrayList<>(params);
        all.addAll(pageParams);
        all.add(size);
        all.add((long) page * size);
        List<PublicQuestion> items = jdbc.sql("select " + PUBLIC_COLUMNS + " from question" + where + order
                        + " limit ? offset ?")
                .params(all).query(QuestionRepository::publicRow).list();
        return new Paged<>(items, page, size, total);
    }

    public Optional<PublicQuestion> publishedByReference(String reference) {
        return jdbc.sql("select " + PUBLIC_COLUMNS + " from question where reference = ? and status = 'PUBLISHED'")
                .param(reference).query(QuestionRepository::publicRow).optional();
    }

    private static PublicQuestion publicRow(ResultSet rs, int n) throws SQLException {
        return new PublicQuestion(rs.getString("reference"), rs.getString("program_code"), rs.getString("public_text"),
                rs.getString("answer"), rs.getString("asker_initials"), rs.getTimestamp("published_at").toInstant());
    }

    private static Question row(ResultSet rs, int n) throws SQLException {
        String reason = rs.getString("reject_reason");
        return new Question(rs.getObject("id", UUID.class), rs.getString("reference"), rs.getString("region_code"),
                rs.getString("program_code"), rs.getString("asked_text"), rs.getString("public_text"),
                rs.getString("asker_initials"), rs.getString("answer"), QuestionStatus.valueOf(rs.getString("status")),
                reason == null ? null : RejectReason.valueOf(reason), rs.getString("status_note"),
                instant(rs.getTimestamp("answered_at")), rs.getString("answered_by"),
                instant(rs.getTimestamp("published_at")), rs.getString("published_by"), rs.getInt("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"));
    }

    private static QuestionStatus status(String s) {
        return s == null ? null : QuestionStatus.valueOf(s);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
