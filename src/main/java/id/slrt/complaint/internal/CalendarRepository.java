package id.slrt.complaint.internal;

import id.slrt.complaint.ComplaintCategory;
import id.slrt.complaint.ServiceLevels.Holiday;
import id.slrt.complaint.ServiceLevels.Sla;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The holiday calendar and the service levels per category (reference data, not scoped by region). */
@Repository
public class CalendarRepository {
    private final JdbcClient jdbc;

    CalendarRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<LocalDate> allHolidayDates() {
        return jdbc.sql("select date from holiday").query(LocalDate.class).list();
    }

    public List<Holiday> holidays(int year) {
        return jdbc.sql("select date, name, verified from holiday where extract(year from date) = ? order by date")
                .param(year)
                .query((rs, n) -> new Holiday(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getBoolean(3)))
                .list();
    }

    public void upsertHoliday(Holiday h) {
        jdbc.sql("""
                insert into holiday (date, name, verified) values (?, ?, ?)
                on conflict (date) do update set name = excluded.name, verified = excluded.verified""")
                .params(h.date(), h.name(), h.verified()).update();
    }

    public Optional<Sla> sla(ComplaintCategory category) {
        return jdbc.sql("select category, acknowledge_days, resolve_days from complaint_sla where category = ?")
                .param(category.name()).query(this::slaRow).optional();
    }

    public List<Sla> slas() {
        return jdbc.sql("select category, acknowledge_days, resolve_days from complaint_sla order by category")
                .query(this::slaRow).list();
    }

    private Sla slaRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Sla(ComplaintCategory.valueOf(rs.getString(1)), rs.getInt(2), rs.getInt(3));
    }
}
