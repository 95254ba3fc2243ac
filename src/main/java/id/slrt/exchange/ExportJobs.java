package id.slrt.exchange;

import id.slrt.audit.AuditLog;
import id.slrt.audit.Change;
import id.slrt.exchange.internal.ExportJobRepository;
import id.slrt.platform.DbScope;
import id.slrt.platform.ProblemException;
import id.slrt.platform.Scopes;
import id.slrt.platform.SlrtProperties;
import id.slrt.registry.HouseholdFilter;
import id.slrt.registry.RegistryService;
import id.slrt.shared.CurrentActor;
import id.slrt.shared.Ids;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exports too large for one request (an XLSX of a million rows takes minutes) run in the background:
 * started with the filters of the household list, written by {@link ExportService} (the same file, in
 * the exporter's scope, audited as {@value ExportService#ACTION}) into the data directory, followed on a
 * page, downloaded by its maker (each download audited) while it is kept, removed when it expires.
 */
@Service
public class ExportJobs {
    private static final Logger log = LoggerFactory.getLogger(ExportJobs.class);
    public static final String DOWNLOADED = "REGISTRY_EXPORT_DOWNLOADED";

    private final ExportService exports;
    private final RegistryService registry;
    private final ExportJobRepository repository;
    private final ExchangeSettings settings;
    private final AuditLog audit;
    private final Scopes scopes;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Path folder;
    private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
    /** Per running export of this server: households done, rows written. */
    private final Map<UUID, long[]> live = new ConcurrentHashMap<>();

    ExportJobs(ExportService exports, RegistryService registry, ExportJobRepository repository, ExchangeSettings settings,
               AuditLog audit, Scopes scopes, PlatformTransactionManager transactions, Clock clock,
               SlrtProperties properties) {
        this.exports = exports;
        this.registry = registry;
        this.repository = repository;
        this.settings = settings;
        this.audit = audit;
        this.scopes = scopes;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.folder = properties.dataDir().resolve("exports");
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(100);
        executor.setThreadNamePrefix("export-");
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.initialize();
    }

    /** Whether an export of this list is small enough to be sent in the request itself. */
    public boolean small(HouseholdFilter filter) {
        return households(filter) <= settings.exportSyncHouseholds();
    }

    private long households(HouseholdFilter f) {
        return registry.list(new HouseholdFilter(f.region(), f.ppks(), f.program(), f.quality(), f.status(), "updated",
                false), 0, 1).total();
    }

    /** Starts an export in the background, in the caller's scope; returns its job at once. */
    public ExportJob start(HouseholdFilter filter, ExportLayout layout, ExportFormat format, CurrentActor by) {
        long households = households(filter);
        UUID id = Ids.newId();
        String region = filter.region() != null && filter.region().startsWith(by.regionScope()) ? filter.region()
                : by.regionScope();
        Map<String, String> filters = new LinkedHashMap<>();
        put(filters, "region", filter.region());
        put(filters, "ppks", filter.ppks());
        put(filters, "program", filter.program());
        put(filters, "quality", filter.quality());
        put(filters, "status", filter.status());
        String fileName = exports.fileName(filter, layout, format, by);
        tx.executeWithoutResult(s -> repository.insert(id, region, format, layout, filters, households, fileName,
                clock.instant(), by.username()));
        live.put(id, new long[2]);
        Authentication exporter = SecurityContextHolder.getContext().getAuthentication();
        try {
            executor.execute(() -> run(id, filter, layout, format, exporter));
        } catch (TaskRejectedException busy) {
            live.remove(id);
            tx.executeWithoutResult(s -> repository.failed(id, 0, "export.job.failure.busy", clock.instant()));
        }
        return require(id, by);
    }

    private void run(UUID id, HouseholdFilter filter, ExportLayout layout, ExportFormat format, Authentication exporter) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(exporter);
        SecurityContextHolder.setContext(context);
        long[] progress = live.get(id);
        Path file = file(id);
        try {
            Files.createDirectories(folder);
            UUID[] last = {null};
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                exports.export(filter, layout, format, out, (CurrentActor) exporter.getPrincipal(), row -> {
                    if (!row.householdId().equals(last[0])) {
                        last[0] = row.householdId();
                        progress[0]++;
                    }
                    progress[1]++;
                });
            }
            Instant now = clock.instant();
            long size = Files.size(file);
            tx.executeWithoutResult(s -> repository.done(id, progress[1], size, now, now.plus(settings.exportKeep())));
        } catch (IOException | RuntimeException e) {
            log.error("Export {} failed", id, e);
            delete(file);
            tx.executeWithoutResult(s -> repository.failed(id, progress[1], "export.job.failure.unexpected",
                    clock.instant()));
        } finally {
            live.remove(id);
            SecurityContextHolder.clearContext();
        }
    }

    /** The export as far as it has got; only its maker follows it. */
    public ExportJob require(UUID id, CurrentActor by) {
        ExportJob job = tx.execute(s -> repository.find(id)).filter(j -> j.createdBy().equals(by.username()))
                .orElseThrow(() -> ProblemException.notFound("export.job.not-found"));
        long[] p = live.get(id);
        if (p == null || job.status() != ExportJob.Status.RUNNING) {
            return job;
        }
        return new ExportJob(job.id(), job.regionCode(), job.format(), job.layout(), job.filters(), job.status(),
                job.households(), p[0], p[1], job.fileName(), job.fileSize(), job.failure(), job.createdAt(),
                job.createdBy(), job.finishedAt(), job.expiresAt());
    }

    /** The finished file for its maker, while it is kept; the download is audited. */
    public Path download(UUID id, CurrentActor by) {
        ExportJob job = require(id, by);
        if (job.status() == ExportJob.Status.RUNNING) {
            throw ProblemException.conflict("export.job.not-ready");
        }
        if (job.status() != ExportJob.Status.DONE || !Files.exists(file(id))) {
            throw new ProblemException(org.springframework.http.HttpStatus.GONE, "gone", "export.job.gone");
        }
        tx.executeWithoutResult(s -> audit.record(DOWNLOADED, RegistryService.ENTITY, null, job.regionCode(),
                Map.of("export", new Change(null, id.toString()), "rows", new Change(null, job.rowsDone())),
                job.fileName()));
        return file(id);
    }

    /** Files of exports whose time is up are removed; the job stays, EXPIRED. */
    @Scheduled(initialDelayString = "PT2M", fixedDelayString = "PT10M")
    public void removeExpired() {
        DbScope.runAs(scopes.district(), () -> {
            for (UUID id : tx.execute(s -> repository.expired(clock.instant()))) {
                delete(file(id));
                tx.executeWithoutResult(s -> repository.expire(id));
            }
        });
    }

    @EventListener(ApplicationReadyEvent.class)
    void failAbandoned() {
        int n = DbScope.callAs(scopes.district(),
                () -> tx.execute(s -> repository.failAbandoned("export.job.failure.restart", clock.instant())));
        if (n > 0) {
            log.warn("{} export(s) interrupted by the last stop were marked failed", n);
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        executor.shutdown();
    }

    private Path file(UUID id) {
        return folder.resolve(id + ".part");
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
