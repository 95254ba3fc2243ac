package id.slrt.exchange;

import id.slrt.audit.AuditLog;
import id.slrt.audit.Change;
import id.slrt.exchange.internal.ExportWriter;
import id.slrt.platform.SlrtProperties;
import id.slrt.registry.ExportRow;
import id.slrt.registry.HouseholdFilter;
import id.slrt.registry.RegistryService;
import id.slrt.shared.CurrentActor;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Export of a filtered registry list, one row per active member, as CSV or XLSX in the registry or
 * the SIKS-NG BNBA layout. Rows stream from a database cursor straight into the file; row-level
 * security limits them to the caller's scope. Every export is a read of personal data and is audited
 * ({@value #ACTION}) with the filters, layout, format and row count, also when it breaks off midway
 * (e.g. the browser went away): rows that left the server count.
 */
@Service
public class ExportService {
    public static final String ACTION = "REGISTRY_EXPORTED";

    private final RegistryService registry;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SlrtProperties props;

    ExportService(RegistryService registry, AuditLog audit, PlatformTransactionManager transactions, Clock clock,
                  SlrtProperties props) {
        this.registry = registry;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.props = props;
    }

    /** The download's file name, e.g. {@code dtks-bnba-1409011012-20250314.xlsx}. */
    public String fileName(HouseholdFilter filter, ExportLayout layout, ExportFormat format, CurrentActor by) {
        String region = notBlank(filter.region()) ? filter.region().replaceAll("[^0-9]", "") : by.regionScope();
        String day = LocalDate.now(clock.withZone(props.timezone())).format(DateTimeFormatter.BASIC_ISO_DATE);
        return layout.fileName() + "-" + region + "-" + day + "." + format.extension();
    }

    /** Writes the export to {@code out} (flushed, not closed) and returns the number of rows. */
    public long export(HouseholdFilter filter, ExportLayout layout, ExportFormat format, OutputStream out,
                       CurrentActor by) throws IOException {
        return export(filter, layout, format, out, by, row -> { });
    }

    /** As {@link #export(HouseholdFilter, ExportLayout, ExportFormat, OutputStream, CurrentActor)}, telling {@code written} each row. */
    public long export(HouseholdFilter filter, ExportLayout layout, ExportFormat format, OutputStream out,
                       CurrentActor by, java.util.function.Consumer<ExportRow> written) throws IOException {
        long[] rows = {0};
        boolean complete = false;
        try (ExportWriter writer = ExportWriter.open(format, layout, out)) {
            registry.exportRows(filter, row -> {
                writer.write(row);
                rows[0]++;
                written.accept(row);
            });
            writer.finish();
            complete = true;
        } finally {
            record(filter, layout, format, rows[0], complete, by);
        }
        return rows[0];
    }

    private void record(HouseholdFilter filter, ExportLayout layout, ExportFormat format, long rows, boolean complete,
                        CurrentActor by) {
        Map<String, Change> what = new LinkedHashMap<>();
        put(what, "region", filter.region());
        put(what, "ppks", filter.ppks());
        put(what, "program", filter.program());
        put(what, "quality", filter.quality());
        put(what, "status", notBlank(filter.status()) ? filter.status() : "ACTIVE");
        put(what, "layout", layout.name().toLowerCase());
        put(what, "format", format.name().toLowerCase());
        what.put("rows", new Change(null, rows));
        if (!complete) {
            what.put("complete", new Change(null, false));
        }
        String region = notBlank(filter.region()) && filter.region().startsWith(by.regionScope())
                ? filter.region() : by.regionScope();
        tx.executeWithoutResult(s -> audit.record(ACTION, RegistryService.ENTITY, null, region, what,
                layout.name().toLowerCase() + " " + format.name().toLowerCase() + ", " + rows + " rows"));
    }

    private static void put(Map<String, Change> what, String key, String value) {
        if (notBlank(value)) {
            what.put(key, new Change(null, value));
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
