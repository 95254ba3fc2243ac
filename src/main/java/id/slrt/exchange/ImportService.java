package id.slrt.exchange;

import id.slrt.audit.AuditLog;
import id.slrt.audit.Change;
import id.slrt.exchange.internal.ImportRepository;
import id.slrt.exchange.internal.ImportRunner;
import id.slrt.exchange.internal.LiveProgress;
import id.slrt.exchange.internal.TableReader;
import id.slrt.exchange.internal.UnreadableFile;
import id.slrt.platform.DbScope;
import id.slrt.platform.FileStore;
import id.slrt.platform.Paged;
import id.slrt.platform.ProblemException;
import id.slrt.platform.Scopes;
import id.slrt.platform.StoredFile;
import id.slrt.shared.CurrentActor;
import id.slrt.shared.Ids;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk import of households and members from CSV or XLSX files: start (returns at once, the job runs
 * in the background in the importer's scope), progress, rows with their outcome, cancel. The same
 * file imported again in the same scope starts nothing and names the earlier import.
 */
@Service
public class ImportService {
    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    private final ImportRepository repository;
    private final ImportRunner runner;
    private final LiveProgress progress;
    private final FileStore files;
    private final ExchangeSettings settings;
    private final AuditLog audit;
    private final Scopes scopes;
    private final TransactionTemplate tx;
    private final Clock clock;

    ImportService(ImportRepository repository, ImportRunner runner, LiveProgress progress, FileStore files,
                  ExchangeSettings settings, AuditLog audit, Scopes scopes, PlatformTransactionManager transactions,
                  Clock clock) {
        this.repository = repository;
        this.runner = runner;
        this.progress = progress;
        this.files = files;
        this.settings = settings;
        this.audit = audit;
        this.scopes = scopes;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Keeps the file, recognises its format and starts the job; returns the earlier job when the same
     * file (same sha256) was already imported, or is being imported, in the importer's scope.
     *
     * @throws ProblemException 400 when the file is empty, too large or cannot be read as CSV or XLSX
     */
    public ImportStart start(InputStream in, String fileName, CurrentActor by) {
        StoredFile stored = files.storeImport(in, fileName, settings.maxSize().toBytes());
        Path path = files.open(stored.sha256()).orElseThrow();
        TableReader.Format format;
        try {
            format = TableReader.detect(path);
        } catch (UnreadableFile e) {
            throw ProblemException.invalidField("file", e.messageKey());
        }
        String scope = by.regionScope();
        UUID id = Ids.newId();
        Optional<UUID> earlier;
        try {
            earlier = begin(id, scope, stored, format, by);
        } catch (DuplicateKeyException sameFileStartedMeanwhile) {
            earlier = tx.execute(s -> repository.activeJobOfFile(scope, stored.sha256()));
        }
        if (earlier.isPresent()) {
            return new ImportStart(earlier.get(), true);
        }
        Authentication importer = SecurityContextHolder.getContext().getAuthentication();
        runner.submit(new ImportRunner.Work(id, path, format, stored.originalName(), scope), importer);
        return new ImportStart(id, false);
    }

    private Optional<UUID> begin(UUID id, String scope, StoredFile stored, TableReader.Format format, CurrentActor by) {
        return tx.execute(s -> {
            Optional<UUID> existing = repository.activeJobOfFile(scope, stored.sha256());
            if (existing.isEmpty()) {
                repository.insertJob(id, scope, stored.sha256(), stored.originalName(), stored.size(), format.format(),
                        format.encoding(), clock.instant(), by.username());
                audit.record("IMPORT_STARTED", "import_job", id.toString(), scope,
                        Map.of("file", new Change(null, stored.originalName()), "sha256", new Change(null, stored.sha256())),
                        null);
            }
            return existing;
        });
    }

    /** The job as far as it has got: counts of a running job come from the job itself. */
    @Transactional(readOnly = true)
    public Optional<ImportJob> find(UUID id) {
        return repository.job(id).map(this::withLive);
    }

    @Transactional(readOnly = true)
    public Paged<ImportJob> mine(CurrentActor me, int page, int size) {
        Paged<ImportJob> p = repository.jobsOf(me.username(), page, size);
        return new Paged<>(p.items().stream().map(this::withLive).toList(), p.page(), p.size(), p.total());
    }

    /** Rows of a job, optionally only those of one outcome, in row order. */
    @Transactional(readOnly = true)
    public Paged<ImportRow> rows(UUID id, RowOutcome outcome, int page, int size) {
        requireJob(id);
        return repository.rows(id, outcome, page, size);
    }

    /** Visits the rows of one outcome in order, a page at a time (for downloads that must not hold them all). */
    public void eachRow(UUID id, RowOutcome outcome, java.util.function.Consumer<ImportRow> visitor) {
        int after = 0;
        while (true) {
            int from = after;
            List<ImportRow> page = tx.execute(s -> repository.rowsAfter(id, outcome, from, 1000));
            if (page == null || page.isEmpty()) {
                return;
            }
            page.forEach(visitor);
            after = page.get(page.size() - 1).row();
        }
    }

    /** Asks a running job to stop; it rolls back everything it did. A finished job cannot be cancelled. */
    @Transactional
    public ImportJob cancel(UUID id, CurrentActor by) {
        ImportJob job = requireJob(id);
        if (job.status().finished()) {
            throw ProblemException.conflict("import.cancel.finished");
        }
        if (!progress.cancel(id, by.username())) {
            // not running in this server (it stopped meanwhile): nothing of it was committed
            repository.finish(id, ImportStatus.CANCELLED, job.totalRows(), job.rowsDone(), 0, 0, 0, 0, null,
                    by.username(), clock.instant());
        }
        audit.record("IMPORT_CANCELLED", "import_job", id.toString(), job.regionCode(), null, null);
        return find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public ImportJob require(UUID id) {
        return requireJob(id);
    }

    private ImportJob requireJob(UUID id) {
        return repository.job(id).map(this::withLive).orElseThrow(() -> ProblemException.notFound("import.not-found"));
    }

    private ImportJob withLive(ImportJob j) {
        return progress.of(j.id()).filter(l -> !j.status().finished())
                .map(l -> new ImportJob(j.id(), j.regionCode(), j.sha256(), j.fileName(), j.fileSize(), j.format(),
                        j.status(), l.phase(), l.totalRows(), l.rowsDone(), l.accepted(), l.warnings(), l.errors(),
                        l.households(), j.columns(), j.encoding(), j.failure(), j.createdAt(), j.createdBy(),
                        j.finishedAt(), j.cancelledBy(), l.rate()))
                .orElse(j);
    }

    /** Imports left running by a stopped server changed nothing (their transaction is gone): mark them failed. */
    @EventListener(ApplicationReadyEvent.class)
    void failAbandoned() {
        int n = DbScope.callAs(scopes.district(),
                () -> tx.execute(s -> repository.failAbandoned("import.failure.restart", clock.instant())));
        if (n > 0) {
            log.warn("{} import(s) interrupted by the last stop were marked failed", n);
        }
    }
}
