package id.slrt.exchange;

import id.slrt.audit.AuditLog;
import id.slrt.audit.Change;
import id.slrt.exchange.internal.Field;
import id.slrt.exchange.internal.HeaderMapping;
import id.slrt.exchange.internal.ImportPreviewer;
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
import id.slrt.registry.RegistrySettings;
import id.slrt.shared.CurrentActor;
import id.slrt.shared.Ids;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
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
    private final ImportPreviewer previewer;
    private final RegistrySettings registrySettings;

    ImportService(ImportRepository repository, ImportRunner runner, LiveProgress progress, FileStore files,
                  ExchangeSettings settings, AuditLog audit, Scopes scopes, PlatformTransactionManager transactions,
                  Clock clock, ImportPreviewer previewer, RegistrySettings registrySettings) {
        this.previewer = previewer;
        this.registrySettings = registrySettings;
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
     * Keeps the file, recognises its format and starts the job with the detected mapping, leaving
     * households with registered people as they are; returns the earlier job when the same file (same
     * sha256) was already imported, or is being imported, in the importer's scope.
     *
     * @throws ProblemException 400 when the file is empty, too large or cannot be read as CSV or XLSX
     */
    public ImportStart start(InputStream in, String fileName, CurrentActor by) {
        return start(in, fileName, Map.of(), ExistingPeople.SKIP, by);
    }

    /**
     * As {@link #start(InputStream, String, CurrentActor)}, with the mapping corrected for some columns
     * ({@code mapping}: header as in the file → canonical field name, blank to keep the column as it is;
     * columns not named keep the detected field) and a choice for registered people.
     *
     * @throws ProblemException 400 for a header not in the file, an unknown field or a field given twice;
     *                          403 when the importer's role may not update the registry directly
     */
    public ImportStart start(InputStream in, String fileName, Map<String, String> mapping, ExistingPeople existing,
                             CurrentActor by) {
        requireAllowed(existing, by, null);
        Upload upload = receive(in, fileName);
        List<Field> fields = mapping.isEmpty() ? null : fieldsOf(upload, mapping);
        String scope = by.regionScope();
        UUID id = Ids.newId();
        Optional<UUID> earlier;
        try {
            earlier = begin(id, scope, upload.stored(), upload.format(), ImportStatus.RUNNING, existing, by);
        } catch (DuplicateKeyException sameFileStartedMeanwhile) {
            earlier = tx.execute(s -> repository.activeJobOfFile(scope, upload.stored().sha256()));
        }
        if (earlier.isPresent()) {
            return new ImportStart(earlier.get(), true);
        }
        submit(id, upload, fields, existing, scope);
        return new ImportStart(id, false);
    }

    /**
     * The pages' upload: keeps the file and makes a job that waits in PREVIEW with the detected mapping
     * until its importer confirms; the earlier job when the same file was already imported in this scope.
     */
    public ImportStart upload(InputStream in, String fileName, CurrentActor by) {
        Upload upload = receive(in, fileName);
        String scope = by.regionScope();
        Optional<UUID> earlier = tx.execute(s -> repository.activeJobOfFile(scope, upload.stored().sha256()));
        if (earlier.isPresent()) {
            return new ImportStart(earlier.get(), true);
        }
        List<String> headers = headersOf(upload);
        UUID id = Ids.newId();
        ExistingPeople existing = registrySettings.editsDirectly(by.role()) ? ExistingPeople.UPDATE : ExistingPeople.REQUEST;
        tx.executeWithoutResult(s -> {
            repository.insertJob(id, scope, upload.stored().sha256(), upload.stored().originalName(),
                    upload.stored().size(), upload.format().format(), upload.format().encoding(), ImportStatus.PREVIEW,
                    existing, clock.instant(), by.username());
            repository.saveColumns(id, HeaderMapping.detect(headers).describe());
        });
        return new ImportStart(id, false);
    }

    /** What the import of a waiting job would do with the first rows, with its current mapping and choice. */
    public ImportPreviewer.Preview preview(UUID id, CurrentActor by) {
        ImportJob job = tx.execute(s -> requireJob(id));
        if (job.status() != ImportStatus.PREVIEW) {
            throw ProblemException.conflict("import.preview.not-waiting");
        }
        Path path = files.open(job.sha256()).orElseThrow(() -> ProblemException.notFound("import.not-found"));
        TableReader.Format format = new TableReader.Format(job.format(), job.encoding());
        List<Field> fields = job.columns().stream().map(c -> Field.parse(c.field()).orElse(null)).toList();
        try {
            return previewer.preview(path, format, job.fileName(), job.regionCode(), fields, job.existing(), by);
        } catch (UnreadableFile e) {
            throw ProblemException.invalidField("file", e.messageKey());
        }
    }

    /**
     * What the import of this file would do with its first rows (nothing is saved but the file itself),
     * with the detected mapping corrected by {@code mapping} as in {@link #start(InputStream, String, Map,
     * ExistingPeople, CurrentActor)}.
     */
    public ImportPreviewer.Preview preview(InputStream in, String fileName, Map<String, String> mapping,
                                           ExistingPeople existing, CurrentActor by) {
        requireAllowed(existing, by, null);
        Upload upload = receive(in, fileName);
        List<Field> fields = mapping.isEmpty() ? null : fieldsOf(upload, mapping);
        try {
            return previewer.preview(upload.path(), upload.format(), upload.stored().originalName(), by.regionScope(),
                    fields, existing, by);
        } catch (UnreadableFile e) {
            throw ProblemException.invalidField("file", e.messageKey());
        }
    }

    /**
     * The importer corrects the mapping of a waiting job ({@code fields}: per column in file order a field
     * name, blank to keep the column as it is) and its choice for registered people.
     */
    @Transactional
    public ImportJob remap(UUID id, List<String> fields, ExistingPeople existing, CurrentActor by) {
        ImportJob job = requireWaiting(id, by);
        requireAllowed(existing, by, job);
        if (!repository.saveMapping(id, columnsOf(job, fields), existing)) {
            throw ProblemException.conflict("import.preview.not-waiting");
        }
        return require(id);
    }

    /**
     * Starts a waiting job with this mapping and choice; the earlier job when the same file was imported
     * meanwhile in the same scope (the waiting one is then cancelled).
     */
    public ImportStart confirm(UUID id, List<String> fields, ExistingPeople existing, CurrentActor by) {
        ImportJob job = tx.execute(s -> requireWaiting(id, by));
        requireAllowed(existing, by, job);
        List<ImportJob.Column> columns = columnsOf(job, fields);
        if (columns.stream().noneMatch(c -> c.field() != null && List.of("NIK", "NAMA", "NO_KK").contains(c.field()))) {
            throw ProblemException.invalidField("mapping", "import.file.no-known-columns");
        }
        try {
            boolean confirmed = Boolean.TRUE.equals(tx.execute(s -> {
                boolean ok = repository.confirm(id, columns, existing);
                if (ok) {
                    audit.record("IMPORT_STARTED", "import_job", id.toString(), job.regionCode(), Map.of(
                            "file", new Change(null, job.fileName()), "sha256", new Change(null, job.sha256()),
                            "existing", new Change(null, existing.name()),
                            "mapping", new Change(null, mappingText(columns))), null);
                }
                return ok;
            }));
            if (!confirmed) {
                throw ProblemException.conflict("import.preview.not-waiting");
            }
        } catch (DuplicateKeyException sameFileImportedMeanwhile) {
            Optional<UUID> earlier = tx.execute(s -> {
                repository.finish(id, ImportStatus.CANCELLED, 0, 0, 0, 0, 0, 0, null, by.username(), clock.instant());
                return repository.activeJobOfFile(job.regionCode(), job.sha256());
            });
            return new ImportStart(earlier.orElse(id), true);
        }
        Path path = files.open(job.sha256()).orElseThrow();
        TableReader.Format format = new TableReader.Format(job.format(), job.encoding());
        List<Field> parsed = columns.stream().map(c -> Field.parse(c.field()).orElse(null)).toList();
        runner.submit(new ImportRunner.Work(id, path, format, job.fileName(), job.regionCode(), parsed, existing),
                SecurityContextHolder.getContext().getAuthentication());
        return new ImportStart(id, false);
    }

    /** Which choices for registered people the importer has: updating directly only where the district allows it. */
    public List<ExistingPeople> choicesFor(CurrentActor by) {
        return registrySettings.editsDirectly(by.role()) ? List.of(ExistingPeople.values())
                : List.of(ExistingPeople.SKIP, ExistingPeople.REQUEST);
    }

    private void requireAllowed(ExistingPeople existing, CurrentActor by, ImportJob job) {
        if (existing == ExistingPeople.UPDATE && !registrySettings.editsDirectly(by.role())) {
            tx.executeWithoutResult(s -> audit.record("IMPORT_REFUSED", "import_job",
                    job == null ? null : job.id().toString(), by.regionScope(),
                    Map.of("existing", new Change(null, existing.name())), "registry.direct-edit-off"));
            throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "import.existing.update-not-allowed");
        }
    }

    private ImportJob requireWaiting(UUID id, CurrentActor by) {
        ImportJob job = requireJob(id);
        if (job.status() != ImportStatus.PREVIEW) {
            throw ProblemException.conflict("import.preview.not-waiting");
        }
        if (!job.createdBy().equals(by.username())) {
            throw ProblemException.notFound("import.not-found");
        }
        return job;
    }

    /** The job's columns with the fields chosen per column; refused when a field is unknown or given twice. */
    private static List<ImportJob.Column> columnsOf(ImportJob job, List<String> fields) {
        List<Field> parsed = new ArrayList<>();
        for (int i = 0; i < job.columns().size(); i++) {
            String name = fields != null && i < fields.size() ? fields.get(i) : job.columns().get(i).field();
            Optional<Field> f = Field.parse(name);
            if (name != null && !name.isBlank() && f.isEmpty()) {
                throw ProblemException.invalidField("mapping", "import.mapping.unknown-field", name);
            }
            parsed.add(f.orElse(null));
        }
        try {
            return HeaderMapping.of(job.columns().stream().map(ImportJob.Column::header).toList(), parsed).describe();
        } catch (IllegalArgumentException twice) {
            throw ProblemException.invalidField("mapping", "import.mapping.field-twice", twice.getMessage());
        }
    }

    /** Per column of the file the field it is read as: detected, or as {@code mapping} (header → field) says. */
    private static List<Field> fieldsOf(Upload upload, Map<String, String> mapping) {
        List<String> headers = headersOf(upload);
        HeaderMapping detected = HeaderMapping.detect(headers);
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < headers.size(); i++) {
            fields.add(detected.fieldAt(i).orElse(null));
        }
        for (Map.Entry<String, String> e : mapping.entrySet()) {
            int column = columnOf(headers, e.getKey());
            if (column < 0) {
                throw ProblemException.invalidField("mapping", "import.mapping.unknown-column", e.getKey());
            }
            Optional<Field> f = Field.parse(e.getValue());
            if (e.getValue() != null && !e.getValue().isBlank() && f.isEmpty()) {
                throw ProblemException.invalidField("mapping", "import.mapping.unknown-field", e.getValue());
            }
            fields.set(column, f.orElse(null));
        }
        try {
            HeaderMapping.of(headers, fields);
        } catch (IllegalArgumentException twice) {
            throw ProblemException.invalidField("mapping", "import.mapping.field-twice", twice.getMessage());
        }
        return fields;
    }

    /** The column with this header: as written (spaces around aside), else compared as headers are matched. */
    private static int columnOf(List<String> headers, String header) {
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).strip().equals(header.strip())) {
                return i;
            }
        }
        for (int i = 0; i < headers.size(); i++) {
            if (Field.key(headers.get(i)).equals(Field.key(header))) {
                return i;
            }
        }
        return -1;
    }

    private static String mappingText(List<ImportJob.Column> columns) {
        StringBuilder sb = new StringBuilder();
        for (ImportJob.Column c : columns) {
            sb.append(sb.isEmpty() ? "" : ", ").append(c.header()).append(" → ").append(c.field() == null ? "-" : c.field());
        }
        return sb.toString();
    }

    /** A received file: where it is kept and what it is. */
    private record Upload(StoredFile stored, Path path, TableReader.Format format) {
    }

    private Upload receive(InputStream in, String fileName) {
        StoredFile stored = files.storeImport(in, fileName, settings.maxSize().toBytes());
        Path path = files.open(stored.sha256()).orElseThrow();
        try {
            return new Upload(stored, path, TableReader.detect(path));
        } catch (UnreadableFile e) {
            throw ProblemException.invalidField("file", e.messageKey());
        }
    }

    private static List<String> headersOf(Upload upload) {
        try {
            return TableReader.headers(upload.path(), upload.format());
        } catch (UnreadableFile e) {
            throw ProblemException.invalidField("file", e.messageKey());
        }
    }

    private void submit(UUID id, Upload upload, List<Field> fields, ExistingPeople existing, String scope) {
        Authentication importer = SecurityContextHolder.getContext().getAuthentication();
        runner.submit(new ImportRunner.Work(id, upload.path(), upload.format(), upload.stored().originalName(), scope,
                fields, existing), importer);
    }

    private Optional<UUID> begin(UUID id, String scope, StoredFile stored, TableReader.Format format,
                                 ImportStatus status, ExistingPeople existing, CurrentActor by) {
        return tx.execute(s -> {
            Optional<UUID> existingJob = repository.activeJobOfFile(scope, stored.sha256());
            if (existingJob.isEmpty()) {
                repository.insertJob(id, scope, stored.sha256(), stored.originalName(), stored.size(), format.format(),
                        format.encoding(), status, existing, clock.instant(), by.username());
                audit.record("IMPORT_STARTED", "import_job", id.toString(), scope,
                        Map.of("file", new Change(null, stored.originalName()), "sha256", new Change(null, stored.sha256()),
                                "existing", new Change(null, existing.name())),
                        null);
            }
            return existingJob;
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
        if (job.status() == ImportStatus.PREVIEW || !progress.cancel(id, by.username())) {
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
                        j.finishedAt(), j.cancelledBy(), l.rate(), j.existing(), l.updated(), l.requested(),
                        l.unchanged()))
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
