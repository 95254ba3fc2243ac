package id.slrt.registry.generator;

import id.slrt.audit.AuditLog;
import id.slrt.audit.Change;
import id.slrt.platform.DbScope;
import id.slrt.region.Region;
import id.slrt.region.RegionService;
import id.slrt.registry.RegistryValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates a district's registry and writes it with COPY, one transaction per batch of households so
 * that a run of millions neither holds one giant transaction nor more than a batch in memory. Every
 * transaction runs in the district's scope: row-level security checks each row like any other write.
 */
@Component
public class RegistryGenerator {
    private static final Logger log = LoggerFactory.getLogger(RegistryGenerator.class);
    static final int BATCH_HOUSEHOLDS = 5000;

    private final RegionService regions;
    private final RegistryValidator validator;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final AuditLog audit;

    RegistryGenerator(RegionService regions, RegistryValidator validator, JdbcTemplate jdbc, TransactionTemplate tx,
                      Clock clock, AuditLog audit) {
        this.regions = regions;
        this.validator = validator;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Generates and writes the request's people.
     *
     * @throws RegistryNotEmptyException when the district already has households
     */
    public GenerationReport generate(GenerationRequest request) {
        long started = System.nanoTime();
        refuseIfNotEmpty(request);
        Iterator<Generated.Household> households = households(request);
        Instant now = clock.instant();
        Map<RegistryCopy.Table, Long> rows = new EnumMap<>(RegistryCopy.Table.class);
        long people = 0;
        long nextProgress = request.people() / 10;
        while (households.hasNext()) {
            RegistryCopy batch = new RegistryCopy(now);
            for (int n = 0; n < BATCH_HOUSEHOLDS && households.hasNext(); n++) {
                batch.add(households.next());
            }
            write(request.district(), batch).forEach((table, count) -> rows.merge(table, count, Long::sum));
            people = rows.get(RegistryCopy.Table.MEMBER);
            if (people >= nextProgress && request.people() >= 100_000) {
                log.info("Generator: {} of {} people written", people, request.people());
                nextProgress += request.people() / 10;
            }
        }
        GenerationReport report = report(request, rows, Duration.ofNanos(System.nanoTime() - started));
        audit(report);
        return report;
    }

    /**
     * Writes the request's people (generated without the generator's own damage) as a CSV file to
     * import, with {@code errorRate} of the rows damaged in ways the import must name (benchmark of
     * bulk import). Nothing is written to the database. Returns rows, households and damaged rows.
     */
    public long[] writeImportFile(GenerationRequest request, double errorRate, java.nio.file.Path file) {
        try (Writer out = java.nio.file.Files.newBufferedWriter(file, java.nio.charset.StandardCharsets.UTF_8)) {
            ImportFile.Written w = ImportFile.write(households(request.withErrors(ErrorRates.NONE)), errorRate,
                    request.seed(), out);
            return new long[] {w.rows(), w.households(), w.damagedRows()};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request's households, generated but not written (for tests and previews). */
    Iterator<Generated.Household> households(GenerationRequest request) {
        Region district = regions.find(request.district()).filter(r -> r.level() == 2)
                .orElseThrow(() -> new IllegalArgumentException("unknown kabupaten/kota " + request.district()));
        List<Village> villages = Villages.of(regions, district.code());
        Checks checks = new Checks(regions, validator.banks(), request.asOf());
        return new HouseholdFactory(request, villages, district.name(), checks);
    }

    /** Households of the district, counted in the district's scope. */
    public long householdCount(String district) {
        return DbScope.callAs(district, () -> tx.execute(s ->
                jdbc.queryForObject("select count(*) from household", Long.class)));
    }

    private void refuseIfNotEmpty(GenerationRequest request) {
        long existing = householdCount(request.district());
        if (existing > 0) {
            UUID first = households(request).next().id();
            boolean sameSeed = Boolean.TRUE.equals(DbScope.callAs(request.district(), () -> tx.execute(s ->
                    jdbc.queryForObject("select exists (select 1 from household where id = ?)", Boolean.class, first))));
            throw new RegistryNotEmptyException(request.district(), existing, request.seed(), sameSeed);
        }
    }

    /** One audit event for the whole run: the rows are synthetic, so not one event per row. */
    private void audit(GenerationReport report) {
        Map<String, Change> changes = new LinkedHashMap<>();
        changes.put("seed", new Change(null, report.seed()));
        changes.put("households", new Change(null, report.households()));
        changes.put("people", new Change(null, report.people()));
        DbScope.runAs(report.district(), () -> tx.executeWithoutResult(s -> audit.recordAs(
                new AuditLog.Actor(RegistryCopy.ACTOR, null, null), "REGISTRY_GENERATED", "registry",
                report.district(), report.district(), changes, "synthetic data")));
    }

    private Map<RegistryCopy.Table, Long> write(String district, RegistryCopy batch) {
        return DbScope.callAs(district, () -> tx.execute(s -> jdbc.execute(
                (ConnectionCallback<Map<RegistryCopy.Table, Long>>) connection -> {
                    try {
                        return batch.write(connection);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })));
    }

    private static GenerationReport report(GenerationRequest request, Map<RegistryCopy.Table, Long> rows,
                                           Duration elapsed) {
        Map<String, Long> byTable = new LinkedHashMap<>();
        rows.forEach((table, count) -> byTable.put(table.table(), count));
        long households = rows.getOrDefault(RegistryCopy.Table.HOUSEHOLD, 0L);
        long people = rows.getOrDefault(RegistryCopy.Table.MEMBER, 0L);
        return new GenerationReport(request.district(), request.seed(), households, people, byTable, elapsed);
    }
}
