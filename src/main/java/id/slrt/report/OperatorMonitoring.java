package id.slrt.report;

import id.slrt.access.UserAccount;
import id.slrt.access.UserService;
import id.slrt.region.Region;
import id.slrt.region.RegionService;
import id.slrt.shared.CurrentActor;
import id.slrt.updating.ActivityCount;
import id.slrt.updating.UpdatingActivity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Operator monitoring (pemutakhiran): per desa and per operator, the steps of the period (submitted,
 * returned, verified, applied, rejected), the return rate and the last activity; operators without any
 * step for {@code slrt.updating.inactive-days} are flagged, including those who never took one (counted
 * from the day their account was made). Everything is limited to the viewer's scope by row-level
 * security; a district user may narrow it to one kecamatan.
 */
@Service
public class OperatorMonitoring {
    public static final int DEFAULT_DAYS = 30;
    public static final int MAX_DAYS = 366;

    private final UpdatingActivity activity;
    private final UserService users;
    private final RegionService regions;
    private final Clock clock;

    OperatorMonitoring(UpdatingActivity activity, UserService users, RegionService regions, Clock clock) {
        this.activity = activity;
        this.users = users;
        this.regions = regions;
        this.clock = clock;
    }

    /** The figures of one desa in the period. */
    public record DesaRow(String regionCode, String name, String kecamatan, long submitted, long returned,
                          long verified, long applied, long rejected, Double returnRate, Instant lastActivity,
                          int operators, int inactiveOperators) {
    }

    /** The figures of one operator (desa operator or facilitator) in the period. */
    public record OperatorRow(String username, String fullName, String role, String regionCode, String regionName,
                              long submitted, long returned, long verified, long applied, long rejected,
                              Double returnRate, Instant lastActivity, Instant lastLogin, Instant since,
                              long daysInactive, boolean inactive) {
    }

    /** The whole report: where, which period, the threshold, and the two tables. */
    public record Report(String regionCode, int days, Instant from, Instant to, int inactiveDays, long inactiveCount,
                         List<DesaRow> desa, List<OperatorRow> operators) {
    }

    /** The region the viewer may watch: the asked one when it lies in their scope, otherwise their scope. */
    public static String effectiveRegion(CurrentActor viewer, String asked) {
        String scope = viewer.regionScope();
        return asked != null && !asked.isBlank() && asked.trim().startsWith(scope) ? asked.trim() : scope;
    }

    public static int effectiveDays(Integer days) {
        return days == null || days < 1 ? DEFAULT_DAYS : Math.min(days, MAX_DAYS);
    }

    public Report report(CurrentActor viewer, String region, Integer days, String desaSort, String operatorSort) {
        String where = effectiveRegion(viewer, region);
        int period = effectiveDays(days);
        Instant now = clock.instant();
        Instant from = now.minus(Duration.ofDays(period));
        List<OperatorRow> operators = operators(where, from, now);
        List<DesaRow> desa = desa(where, from, operators);
        desa.sort(desaOrder(desaSort));
        operators.sort(operatorOrder(operatorSort));
        return new Report(where, period, from, now, activity.inactiveDays(),
                operators.stream().filter(OperatorRow::inactive).count(), desa, operators);
    }

    public int inactiveDays() {
        return activity.inactiveDays();
    }

    /** How many operators in the viewer's scope took no step for the configured number of days. */
    public long inactiveCount(CurrentActor viewer) {
        Instant now = clock.instant();
        List<UserAccount> staff = users.fieldStaff(viewer.regionScope());
        Map<String, Instant> last = activity.lastActivity(staff.stream().map(UserAccount::username).toList(),
                viewer.regionScope());
        Instant threshold = now.minus(Duration.ofDays(activity.inactiveDays()));
        return staff.stream().filter(u -> since(u, last).isBefore(threshold)).count();
    }

    private List<OperatorRow> operators(String region, Instant from, Instant now) {
        List<UserAccount> staff = users.fieldStaff(region);
        Map<String, Instant> last = activity.lastActivity(staff.stream().map(UserAccount::username).toList(), region);
        Map<String, ActivityCount> counts = activity.byMaker(from, region).stream()
                .collect(Collectors.toMap(ActivityCount::key, Function.identity()));
        Instant threshold = now.minus(Duration.ofDays(activity.inactiveDays()));
        List<OperatorRow> rows = new ArrayList<>();
        for (UserAccount u : staff) {
            ActivityCount c = counts.getOrDefault(u.username(), ActivityCount.none(u.username()));
            Instant since = since(u, last);
            rows.add(new OperatorRow(u.username(), u.fullName(), u.role().name(), u.regionCode(),
                    regions.label(u.regionCode()), c.submitted(), c.returned(), c.verified(), c.applied(),
                    c.rejected(), c.returnRate(), last.get(u.username()), u.lastLoginAt(), since,
                    Math.max(0, Duration.between(since, now).toDays()), since.isBefore(threshold)));
        }
        return rows;
    }

    /** An operator's last step, or the creation of the account for one who never took any. */
    private static Instant since(UserAccount u, Map<String, Instant> last) {
        Instant at = last.get(u.username());
        return at != null ? at : u.createdAt();
    }

    private List<DesaRow> desa(String region, Instant from, List<OperatorRow> operators) {
        Map<String, ActivityCount> counts = activity.byDesa(from, region).stream()
                .collect(Collectors.toMap(ActivityCount::key, Function.identity()));
        Map<String, Instant> last = activity.lastActivityByDesa(region);
        List<DesaRow> rows = new ArrayList<>();
        for (Region d : desaUnder(region)) {
            ActivityCount c = counts.getOrDefault(d.code(), ActivityCount.none(d.code()));
            List<OperatorRow> here = operators.stream().filter(o -> o.regionCode().equals(d.code())).toList();
            rows.add(new DesaRow(d.code(), d.name(), regions.label(d.parentCode()), c.submitted(), c.returned(),
                    c.verified(), c.applied(), c.rejected(), c.returnRate(), last.get(d.code()), here.size(),
                    (int) here.stream().filter(OperatorRow::inactive).count()));
        }
        return rows;
    }

    private List<Region> desaUnder(String code) {
        Region region = regions.find(code).orElse(regions.district());
        if (region.level() >= 4) {
            return List.of(region);
        }
        List<Region> desa = new ArrayList<>();
        for (Region child : regions.children(region.code())) {
            desa.addAll(desaUnder(child.code()));
        }
        return desa;
    }

    public static final List<String> DESA_SORTS = List.of("desa", "submitted", "returned", "verified", "applied", "rejected",
            "returnRate", "lastActivity", "operators");
    public static final List<String> OPERATOR_SORTS = List.of("name", "desa", "submitted", "returned", "verified", "applied",
            "rejected", "returnRate", "lastActivity", "inactive");

    /** Sort of the desa table: a key of {@link #DESA_SORTS}, a leading '-' for descending. */
    static Comparator<DesaRow> desaOrder(String sort) {
        String key = key(sort, DESA_SORTS, "desa");
        Comparator<DesaRow> c = switch (key) {
            case "submitted" -> Comparator.comparingLong(DesaRow::submitted);
            case "returned" -> Comparator.comparingLong(DesaRow::returned);
            case "verified" -> Comparator.comparingLong(DesaRow::verified);
            case "applied" -> Comparator.comparingLong(DesaRow::applied);
            case "rejected" -> Comparator.comparingLong(DesaRow::rejected);
            case "returnRate" -> Comparator.comparing(DesaRow::returnRate, Comparator.nullsFirst(Comparator.naturalOrder()));
            case "lastActivity" -> Comparator.comparing(DesaRow::lastActivity, Comparator.nullsFirst(Comparator.naturalOrder()));
            case "operators" -> Comparator.comparingInt(DesaRow::inactiveOperators).thenComparingInt(DesaRow::operators);
            default -> Comparator.comparing(DesaRow::kecamatan).thenComparing(DesaRow::name);
        };
        c = descending(sort) ? c.reversed() : c;
        return c.thenComparing(DesaRow::regionCode);
    }

    /** Sort of the operator table: a key of {@link #OPERATOR_SORTS}, a leading '-' for descending. */
    static Comparator<OperatorRow> operatorOrder(String sort) {
        String key = key(sort, OPERATOR_SORTS, "inactive");
        Comparator<OperatorRow> c = switch (key) {
            case "name" -> Comparator.comparing((OperatorRow o) -> o.fullName().toLowerCase());
            case "desa" -> Comparator.comparing(OperatorRow::regionCode);
            case "submitted" -> Comparator.comparingLong(OperatorRow::submitted);
            case "returned" -> Comparator.comparingLong(OperatorRow::returned);
            case "verified" -> Comparator.comparingLong(OperatorRow::verified);
            case "applied" -> Comparator.comparingLong(OperatorRow::applied);
            case "rejected" -> Comparator.comparingLong(OperatorRow::rejected);
            case "returnRate" -> Comparator.comparing(OperatorRow::returnRate, Comparator.nullsFirst(Comparator.naturalOrder()));
            case "lastActivity" -> Comparator.comparing(OperatorRow::lastActivity, Comparator.nullsFirst(Comparator.naturalOrder()));
            // the longest silent first
            default -> Comparator.comparing(OperatorRow::since);
        };
        c = descending(sort) ? c.reversed() : c;
        return c.thenComparing(OperatorRow::username);
    }

    private static String key(String sort, List<String> allowed, String fallback) {
        String k = sort == null ? "" : sort.startsWith("-") ? sort.substring(1) : sort;
        return allowed.contains(k) ? k : fallback;
    }

    private static boolean descending(String sort) {
        return sort != null && sort.startsWith("-");
    }
}
