package id.slrt.updating.internal;

import id.slrt.access.UserAccount;
import id.slrt.access.UserService;
import id.slrt.platform.DbScope;
import id.slrt.platform.SlrtProperties;
import id.slrt.platform.StartupProblem;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark data (bench/README.md): with {@code slrt.generate.requests} (SLRT_GENERATE_REQUESTS) set,
 * fills the district with that many open change requests once the application is ready (after the
 * registry generator and the demo users). Requests are spread over the registry's households (one
 * request per household, so none conflicts with another; households with an open data-quality finding or
 * a person also listed in another household are left out, so every verified request passes validation),
 * with their timelines:
 * {@code slrt.generate.verified-requests} (SLRT_GENERATE_VERIFIED, default 10 000) VERIFIED address
 * corrections that the district can apply in bulk; the rest 40% SUBMITTED, 20% RETURNED, 40% DRAFT, of
 * kinds correction, move, and program proposal. Makers are the demo field staff of the desa or
 * kecamatan, elsewhere a named stand-in operator per desa ({@code op.<desa code>}, no account). The rows
 * are written with SQL in one transaction, not through the workflow: they are not audited.
 */
@Component
class RequestGenerator {
    static final String MARK = "bench-generator";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final UserService users;
    private final SlrtProperties props;
    private final String requests;
    private final String verified;

    RequestGenerator(JdbcClient jdbc, TransactionTemplate tx, UserService users, SlrtProperties props,
                     @Value("${slrt.generate.requests:}") String requests,
                     @Value("${slrt.generate.verified-requests:10000}") String verified) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.users = users;
        this.props = props;
        this.requests = requests;
        this.verified = verified;
    }

    @EventListener(ApplicationReadyEvent.class)
    void generate() {
        if (requests == null || requests.isBlank()) {
            return;
        }
        int total = count("SLRT_GENERATE_REQUESTS", requests);
        int verifiedCount = Math.min(total, count("SLRT_GENERATE_VERIFIED", verified));
        DbScope.runAs(props.district(), () -> tx.executeWithoutResult(s -> run(total, verifiedCount)));
    }

    private static int count(String variable, String value) {
        try {
            int n = Integer.parseInt(value.trim().replace("_", ""));
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new StartupProblem(variable + " harus bilangan bulat tidak negatif, bukan '" + value + "'.",
                variable + " must be a whole number of zero or more, not '" + value + "'.");
    }

    private void run(int total, int verifiedCount) {
        long already = jdbc.sql("select count(*) from change_request where updated_by = ?").param(MARK)
                .query(Long.class).single();
        if (already > 0) {
            System.out.printf(Locale.ROOT, "SLRT request generator: %,d generated requests are already there; "
                    + "nothing generated (use a new SLRT_DATA_DIR to start over)%n", already);
            return;
        }
        long t0 = System.nanoTime();
        List<UserAccount> staff = users.fieldStaff(props.district());
        String staffValues = staff.isEmpty() ? "select null::text, null::uuid, null::text, null::text where false"
                : "values " + staff.stream().map(u -> "('" + u.username() + "', '" + u.id() + "'::uuid, '"
                + u.role().name() + "', '" + u.regionCode() + "')").collect(Collectors.joining(", "));
        int inserted = jdbc.sql("""
                with staff(username, id, role, region) as (%s),
                picked as (
                  select h.id, h.region_code, h.version, coalesce(h.address, '') as address, coalesce(h.rt, '') as rt,
                         coalesce(h.no_kk, '') as no_kk, row_number() over (order by md5(h.id::text)) as n
                  from household h
                  where h.status = 'ACTIVE'
                    and not exists (select 1 from quality_issue q where q.household_id = h.id and q.open)
                    -- a person also listed in another household (an injected duplicate) fails validation on apply
                    and not exists (select 1 from member m join member o on o.nik = m.nik and o.household_id <> m.household_id
                                    where m.household_id = h.id)
                  order by md5(h.id::text)
                  limit :total
                ),
                shaped as (
                  select p.*,
                    case when p.n <= :verified then 'VERIFIED'
                         when p.n %% 5 in (0, 1) then 'SUBMITTED'
                         when p.n %% 5 = 2 then 'RETURNED'
                         else 'DRAFT' end as status,
                    case when p.n <= :verified or p.n %% 3 = 0 then 'CORRECT'
                         when p.n %% 3 = 1 then 'MOVE_HOUSEHOLD'
                         else 'PROGRAM' end as kind,
                    now() - interval '5 days' - ((p.n * 7919) %% (55 * 24 * 60)) * interval '1 minute' as created_at
                  from picked p
                ),
                made as (
                  select s.*, coalesce(m.username, 'op.' || s.region_code) as maker,
                         coalesce(m.id, md5('op.' || s.region_code)::uuid) as maker_id,
                         coalesce(m.role, 'OPERATOR_DESA') as maker_role
                  from shaped s
                  left join lateral (select st.* from staff st where s.region_code like st.region || '%%'
                                     order by length(st.region) desc, st.username limit 1) m on true
                )
                insert into change_request (id, number, region_code, kind, status, household_id, base_version, base,
                  proposed, subject, reason, issues, returns, due_at, maker_id, maker, maker_role, submitted_at,
                  verifier, verified_at, created_at, updated_at, updated_by, version)
                select gen_random_uuid(),
                  'UP-' || extract(year from created_at)::int || '-' || lpad(nextval('change_request_number_seq')::text, 6, '0'),
                  region_code, kind, status, id, version,
                  case kind when 'CORRECT' then jsonb_build_object('household.address', address)
                            when 'MOVE_HOUSEHOLD' then jsonb_build_object('household.address', address, 'household.rt', rt)
                            else jsonb_build_object('program.PKH.household', '') end,
                  case kind when 'CORRECT' then jsonb_build_object('household.address', address || ' (perbaikan ' || n || ')')
                            when 'MOVE_HOUSEHOLD' then jsonb_build_object('household.address', 'Jl. Lintas Baru ' || n, 'household.rt', lpad((n %% 9 + 1)::text, 3, '0'))
                            else jsonb_build_object('program.PKH.household', 'PROPOSED') end,
                  'KK ' || no_kk,
                  case kind when 'CORRECT' then 'Perbaikan alamat sesuai KK' when 'MOVE_HOUSEHOLD' then 'Pindah rumah'
                            else 'Usulan PKH hasil musdes' end,
                  '[]'::jsonb,
                  case when status = 'RETURNED' then '{"household.address": "Alamat tidak sesuai KK"}'::jsonb else '{}'::jsonb end,
                  case status when 'DRAFT' then null else created_at + interval '8 days' end,
                  maker_id, maker, maker_role,
                  case when status = 'DRAFT' then null else created_at + interval '1 day' end,
                  case when status = 'VERIFIED' then 'supervisor' end,
                  case when status = 'VERIFIED' then created_at + interval '2 days' end,
                  created_at,
                  created_at + case status when 'DRAFT' then interval '0' when 'SUBMITTED' then interval '1 day'
                                           else interval '2 days' end,
                  '%s', case status when 'DRAFT' then 0 when 'SUBMITTED' then 1 else 2 end
                from made""".formatted(staffValues, MARK))
                .param("total", total).param("verified", verifiedCount).update();
        int events = jdbc.sql("""
                insert into change_request_event (id, request_id, region_code, at, actor, actor_role, action, from_status,
                  to_status, reason)
                select gen_random_uuid(), r.id, r.region_code, e.at, e.actor, e.role, e.action, e.from_status,
                       e.to_status, e.reason
                from change_request r
                cross join lateral (values
                    (r.created_at, r.maker, r.maker_role, 'CREATED', null, 'DRAFT', r.reason, true),
                    (r.submitted_at, r.maker, r.maker_role, 'SUBMITTED', 'DRAFT', 'SUBMITTED', null,
                       r.status <> 'DRAFT'),
                    (r.verified_at, 'supervisor', 'SUPERVISOR', 'VERIFIED', 'SUBMITTED', 'VERIFIED', null,
                       r.status = 'VERIFIED'),
                    (r.updated_at, 'supervisor', 'SUPERVISOR', 'RETURNED', 'SUBMITTED', 'RETURNED',
                       'Alamat tidak sesuai KK', r.status = 'RETURNED')
                  ) as e(at, actor, role, action, from_status, to_status, reason, wanted)
                where r.updated_by = ? and e.wanted""")
                .param(MARK).update();
        jdbc.sql("analyze change_request").update();
        jdbc.sql("analyze change_request_event").update();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        System.out.println();
        System.out.printf(Locale.ROOT, "SLRT request generator: district %s, %d cores%n", props.district(),
                Runtime.getRuntime().availableProcessors());
        jdbc.sql("select status, count(*) from change_request where updated_by = ? group by status order by status")
                .param(MARK).query((rs, n) -> {
                    System.out.printf(Locale.ROOT, "  %-24s %,10d%n", rs.getString(1), rs.getLong(2));
                    return null;
                }).list();
        System.out.printf(Locale.ROOT, "  %-24s %,10d%n", "requests", inserted);
        System.out.printf(Locale.ROOT, "  %-24s %,10d%n", "timeline events", events);
        System.out.printf(Locale.ROOT, "  %-24s %,10.1f%n", "elapsed (s)", elapsed.toMillis() / 1000.0);
        System.out.println();
        System.out.flush();
    }
}
