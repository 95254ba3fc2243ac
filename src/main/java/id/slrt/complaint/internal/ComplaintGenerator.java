package id.slrt.complaint.internal;

import id.slrt.platform.DbScope;
import id.slrt.platform.SlrtProperties;
import id.slrt.platform.StartupProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark data (bench/README.md): with {@code slrt.generate.complaints} (SLRT_GENERATE_COMPLAINTS) set,
 * fills the district with that many complaints once the application is ready, spread over its desa and
 * over the two years before today, each with its FILED event: about 70% resolved or closed, the rest open
 * (received, acknowledged, in progress, referred), a share of those past their due date. Deadlines are
 * the category's days counted as calendar days (close enough for a list benchmark). Rows are written
 * with SQL in one transaction per 100 000, not through the service: they are not audited, and their
 * tracking codes start with {@code BENCH-} so they cannot be mistaken for a citizen's.
 */
@Component
class ComplaintGenerator {
    static final String MARK = "bench-generator";
    private static final int CHUNK = 100_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final SlrtProperties props;
    private final Clock clock;
    private final String complaints;

    ComplaintGenerator(JdbcClient jdbc, TransactionTemplate tx, SlrtProperties props, Clock clock,
                       @Value("${slrt.generate.complaints:}") String complaints) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.props = props;
        this.clock = clock;
        this.complaints = complaints;
    }

    @EventListener(ApplicationReadyEvent.class)
    void generate() {
        if (complaints == null || complaints.isBlank()) {
            return;
        }
        int total = count(complaints);
        DbScope.runAs(props.district(), () -> run(total));
    }

    private static int count(String value) {
        try {
            int n = Integer.parseInt(value.trim().replace("_", ""));
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new StartupProblem("SLRT_GENERATE_COMPLAINTS harus bilangan bulat tidak negatif, bukan '" + value + "'.",
                "SLRT_GENERATE_COMPLAINTS must be a whole number of zero or more, not '" + value + "'.");
    }

    private void run(int total) {
        long already = tx.execute(s -> jdbc.sql("select count(*) from complaint where created_by = ?").param(MARK)
                .query(Long.class).single());
        if (already > 0) {
            System.out.printf(Locale.ROOT, "SLRT complaint generator: %,d generated complaints are already there; "
                    + "nothing generated (use a new SLRT_DATA_DIR to start over)%n", already);
            return;
        }
        long t0 = System.nanoTime();
        LocalDate today = LocalDate.now(clock.withZone(props.timezone()));
        for (int from = 1; from <= total; from += CHUNK) {
            int to = Math.min(total, from + CHUNK - 1);
            int first = from;
            tx.executeWithoutResult(s -> chunk(first, to, today));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "SLRT complaint generator: district %s, %,d complaints (+ %,d events) in %.1f s"
                + " (%,.0f complaints/s)%n", props.district(), total, total, seconds, total / seconds);
    }

    private void chunk(int from, int to, LocalDate today) {
        jdbc.sql("""
                with desa as (
                  select code, row_number() over (order by code) - 1 as i, count(*) over () as n
                  from region where level = 4 and code like :district || '%'
                ),
                shaped as (
                  select g,
                    (select code from desa where i = (g * 7919) % (select max(n) from desa)) as region_code,
                    (array['PROGRAM_NOT_RECEIVED','PAYMENT_PROBLEM','DATA_ERROR','NEED_HEALTH','NEED_EDUCATION',
                           'NEED_DISABILITY_AID','NEED_FOOD','NEED_HOUSING','NEED_ID_DOCUMENTS','OTHER'])[1 + g % 10] as category,
                    case when g % 100 < 10 then 'RECEIVED' when g % 100 < 15 then 'ACKNOWLEDGED'
                         when g % 100 < 25 then 'IN_PROGRESS' when g % 100 < 30 then 'REFERRED'
                         when g % 100 < 65 then 'RESOLVED' else 'CLOSED' end as status,
                    cast(:today as date) - ((g * 104729) % 730)::int as filed_on
                  from generate_series(cast(:from as bigint), cast(:to as bigint)) g
                ),
                dated as (
                  select s.*, sla.acknowledge_days, sla.resolve_days,
                    (s.filed_on + interval '8 hours' + (s.g % 480)::int * interval '1 minute') as created_at
                  from shaped s join complaint_sla sla on sla.category = s.category
                ),
                made as (
                  insert into complaint (id, tracking_code, region_code, channel, complainant_name, complainant_phone,
                    complainant_nik, subject_nik, category, type, description, status, assignee, acknowledge_due,
                    resolve_due, acknowledged_at, resolved_at, closed_at, resolution, created_at, created_by,
                    updated_at, updated_by, escalation_level, escalated_at)
                  select gen_random_uuid(), 'BENCH-' || lpad(g::text, 10, '0'), region_code,
                    (array['WEB_PUBLIC','OPERATOR','API'])[1 + g % 3], 'Warga Uji ' || g,
                    case when g % 2 = 0 then '0812' || lpad((g % 100000000)::text, 8, '0') end, null, null,
                    category, 'PENGADUAN', 'Keluhan uji beban nomor ' || g, status,
                    case when status <> 'RECEIVED' and g % 4 = 0 then 'operator' end,
                    filed_on + acknowledge_days, filed_on + resolve_days,
                    case when status <> 'RECEIVED' then created_at + interval '1 day' end,
                    case when status in ('RESOLVED', 'CLOSED') then created_at + (g % 20)::int * interval '1 day' end,
                    case when status = 'CLOSED' then created_at + (g % 20 + 2)::int * interval '1 day' end,
                    case when status in ('RESOLVED', 'CLOSED') then 'Selesai (data uji)' end,
                    created_at, :mark, created_at, :mark,
                    -- an open complaint long past its deadline has been escalated to the top already
                    case when status = 'RECEIVED' and filed_on + acknowledge_days < :today
                           or status in ('ACKNOWLEDGED', 'IN_PROGRESS', 'REFERRED') and filed_on + resolve_days < :today
                         then 2 else 0 end,
                    case when status = 'RECEIVED' and filed_on + acknowledge_days < :today
                           or status in ('ACKNOWLEDGED', 'IN_PROGRESS', 'REFERRED') and filed_on + resolve_days < :today
                         then created_at + interval '30 days' end
                  from dated
                  returning id, region_code, created_at
                )
                insert into complaint_event (id, complaint_id, region_code, at, actor, action, to_status)
                select gen_random_uuid(), id, region_code, created_at, :mark, 'FILED', 'RECEIVED' from made
                """)
                .param("district", props.district()).param("from", from).param("to", to)
                .param("today", today).param("mark", MARK).update();
    }
}
