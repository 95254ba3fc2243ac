package id.slrt.report;

import id.slrt.complaint.CategoryFigures;
import id.slrt.complaint.ComplaintService;
import id.slrt.platform.ProblemException;
import id.slrt.platform.SlrtProperties;
import id.slrt.referral.AgencyFigures;
import id.slrt.referral.ReferralService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Oversight of complaints and referrals for those who watch them (the manager first): per category and per
 * partner agency, the backlog today and what became of the period's complaints and referrals, with the median
 * time to resolve. Scoped like every read: a supervisor sees their kecamatan.
 */
@Service
public class ComplaintOversight {
    /** The default period: the last 90 days up to today. */
    public static final int DEFAULT_DAYS = 90;
    /** The longest period one page sums over. */
    public static final int MAX_DAYS = 3 * 366;

    private final ComplaintService complaints;
    private final ReferralService referrals;
    private final Clock clock;
    private final SlrtProperties props;

    ComplaintOversight(ComplaintService complaints, ReferralService referrals, Clock clock, SlrtProperties props) {
        this.complaints = complaints;
        this.referrals = referrals;
        this.clock = clock;
        this.props = props;
    }

    /** Sums over all categories: open, overdue now; filed and resolved in the period. */
    public record Totals(long open, long overdue, long filed, long resolved) {
    }

    public record Figures(LocalDate from, LocalDate to, Totals totals, List<CategoryFigures> categories,
                          List<AgencyFigures> agencies) {
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(props.timezone()));
    }

    /** Open complaints and those past their deadline today, for a home-page card. */
    public Totals backlog() {
        List<CategoryFigures> now = complaints.backlog();
        return new Totals(now.stream().mapToLong(CategoryFigures::open).sum(),
                now.stream().mapToLong(CategoryFigures::overdue).sum(), 0, 0);
    }

    /** The figures from {@code from} to {@code to} (inclusive); missing ends default to the last 90 days. */
    public Figures figures(LocalDate from, LocalDate to) {
        LocalDate end = to == null ? today() : to;
        LocalDate start = from == null ? end.minusDays(DEFAULT_DAYS - 1) : from;
        if (start.isAfter(end)) {
            throw ProblemException.invalidField("from", "report.period.reversed");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw ProblemException.invalidField("from", "report.period.too-long", MAX_DAYS);
        }
        List<CategoryFigures> byCategory = complaints.figures(start, end);
        Totals totals = new Totals(byCategory.stream().mapToLong(CategoryFigures::open).sum(),
                byCategory.stream().mapToLong(CategoryFigures::overdue).sum(),
                byCategory.stream().mapToLong(CategoryFigures::filed).sum(),
                byCategory.stream().mapToLong(CategoryFigures::resolved).sum());
        return new Figures(start, end, totals, byCategory, referrals.figures(start, end));
    }
}
