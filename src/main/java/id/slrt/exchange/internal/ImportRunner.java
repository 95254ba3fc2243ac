package id.slrt.exchange.internal;

import id.slrt.exchange.ExchangeSettings;
import id.slrt.exchange.ExistingPeople;
import id.slrt.exchange.ImportPhase;
import id.slrt.exchange.ImportStatus;
import id.slrt.platform.DbScope;
import id.slrt.platform.Texts;
import id.slrt.registry.BankAccounts;
import id.slrt.registry.RegistryBulk;
import id.slrt.registry.RegistryValidator;
import id.slrt.shared.CurrentActor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an import in the background, as its importer (the same region scope, the same name in history
 * and audit). Reading: the file is streamed and its rows staged with COPY in batches, each batch its
 * own short transaction. Checking: every household is judged and the accepted ones registered in ONE
 * transaction, committed only at the end, so a cancel or a failure leaves the registry as it was.
 * Memory holds one COPY batch or one batch of households, whatever the size of the file.
 */
@Component
public class ImportRunner {
    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    private final ImportRepository repository;
    private final RegistryBulk registry;
    private final RegistryValidator validator;
    private final LiveProgress progress;
    private final ExchangeSettings settings;
    private final TaskExecutor executor;
    private final TransactionTemplate tx;
    private final TransactionTemplate separateTx;
    private final Texts texts;
    private final Clock clock;
    private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();
    private final ExistingHouseholds existing;

    /** Where an import's time goes, per step (logged at the end: the benchmark's profile). */
    static final class Profile {
        private final Map<String, Long> nanos = new java.util.LinkedHashMap<>();

        <T> T time(String step, java.util.function.Supplier<T> work) {
            long t = System.nanoTime();
            try {
                return work.get();
            } finally {
                nanos.merge(step, System.nanoTime() - t, Long::sum);
            }
        }

        void time(String step, Runnable work) {
            time(step, () -> {
                work.run();
                return null;
            });
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            nanos.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append(' ').append(v / 1_000_000)
                    .append(" ms"));
            return sb.toString();
        }
    }

    ImportRunner(ImportRepository repository, RegistryBulk registry, RegistryValidator validator,
                 LiveProgress progress, ExchangeSettings settings, ImportExecutorConfig.ImportExecutor executor,
                 PlatformTransactionManager transactions, Texts texts, Clock clock, ExistingHouseholds existing) {
        this.existing = existing;
        this.repository = repository;
        this.registry = registry;
        this.validator = validator;
        this.progress = progress;
        this.settings = settings;
        this.executor = executor.executor();
        this.tx = new TransactionTemplate(transactions);
        this.separateTx = new TransactionTemplate(transactions);
        this.separateTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.texts = texts;
        this.clock = clock;
    }

    /**
     * What a job needs to run: {@code fields} is the mapping the importer set, per column in file order
     * (null: kept as is); null to detect it from the header; {@code existing} what to do with registered people.
     */
    public record Work(UUID jobId, Path file, TableReader.Format format, String fileName, String scope,
                       List<Field> fields, ExistingPeople existing) {
    }

    public void submit(Work work, Authentication importer) {
        LiveProgress.Job live = progress.start(work.jobId());
        try {
            executor.execute(() -> run(work, importer));
        } catch (org.springframework.core.task.TaskRejectedException tooManyWaiting) {
            progress.end(work.jobId());
            DbScope.runAs(work.scope(), () -> finish(work.jobId(), ImportStatus.FAILED, live, "import.failure.busy"));
        }
    }

    /**
     * For tests: the job of a file with this name waits, with every household checked and saved but
     * not committed, until the latch is released (so a cancel can be shown to undo everything).
     */
    public void holdBeforeCommit(String fileName, CountDownLatch latch) {
        holds.put(fileName, latch);
    }

    public void release(String fileName) {
        holds.remove(fileName);
    }

    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }

    private void run(Work work, Authentication importer) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(importer);
        SecurityContextHolder.setContext(context);
        LiveProgress.Job live = progress.of(work.jobId()).orElseThrow();
        try {
            long started = System.nanoTime();
            Profile profile = new Profile();
            HeaderMapping mapping = stage(work, live, profile);
            long read = System.nanoTime();
            check(work, mapping, (CurrentActor) importer.getPrincipal(), live, profile);
            long checked = System.nanoTime();
            finish(work.jobId(), ImportStatus.DONE, live, null);
            log.info("Import {} of {}: {} rows read and staged in {} ms, {} households checked and saved in {} ms "
                            + "({} accepted, {} warnings, {} errors)", work.jobId(), work.fileName(), live.totalRows,
                    (read - started) / 1_000_000, live.households, (checked - read) / 1_000_000, live.accepted,
                    live.warnings, live.errors);
            log.info("Import {} profile: {}", work.jobId(), profile);
        } catch (Cancelled e) {
            finish(work.jobId(), ImportStatus.CANCELLED, live, null);
        } catch (UnreadableFile e) {
            finish(work.jobId(), ImportStatus.FAILED, live, e.messageKey());
        } catch (RuntimeException | Error e) {
            log.error("Import {} of {} failed", work.jobId(), work.fileName(), e);
            finish(work.jobId(), ImportStatus.FAILED, live, "import.failure.unexpected");
        } finally {
            progress.end(work.jobId());
            SecurityContextHolder.clearContext();
        }
    }

    private void finish(UUID id, ImportStatus status, LiveProgress.Job live, String failure) {
        boolean cleared = status != ImportStatus.DONE;
        separateTx.executeWithoutResult(s -> {
            repository.finish(id, status, live.totalRows, live.rowsDone,
                    cleared ? 0 : live.accepted, cleared ? 0 : live.warnings, cleared ? 0 : live.errors,
                    cleared ? 0 : live.households, failure, live.cancelledBy, clock.instant());
            if (!cleared) {
                repository.counts(id, live.updated, live.requested, live.unchanged);
            }
        });
    }

    // --- reading ---------------------------------------------------------------------------------

    private HeaderMapping stage(Work work, LiveProgress.Job live, Profile profile) {
        live.phase(ImportPhase.READING);
        List<BankAccounts.Bank> banks = validator.banks();
        List<StagedRow> batch = new ArrayList<>(settings.copyBatch());
        HeaderMapping[] mapping = new HeaderMapping[1];
        RowNormalizer[] normalizer = new RowNormalizer[1];
        int[] header = {0, 0};
        boolean xlsx = work.format().format().equals("XLSX");
        TableReader.read(work.file(), work.format(), (line, cells) -> {
            if (live.cancelRequested()) {
                return false;
            }
            boolean blank = cells.stream().allMatch(Cell::blank);
            if (mapping[0] == null) {
                if (!blank) {
                    mapping[0] = header(work, cells);
                    normalizer[0] = new RowNormalizer(mapping[0], work.scope(), banks);
                    header[0] = line;
                }
                return true;
            }
            int rowNo = xlsx ? line - header[0] : ++header[1];
            if (!blank) {
                batch.add(profile.time("normalize", () -> normalizer[0].normalize(rowNo, cells)));
                live.totalRows++;
                live.rowsDone++;
                if (batch.size() >= settings.copyBatch()) {
                    profile.time("stage", () -> flush(work, batch, live));
                }
            }
            return true;
        });
        if (live.cancelRequested()) {
            throw new Cancelled();
        }
        if (mapping[0] == null) {
            throw new UnreadableFile("import.file.empty", null);
        }
        profile.time("stage", () -> flush(work, batch, live));
        if (mapping[0].has(Field.NIK)) {
            profile.time("duplicates in file", () -> tx.executeWithoutResult(s -> repository.markDuplicateNiksInFile(work.jobId(), mapping[0].header(Field.NIK))));
        }
        return mapping[0];
    }

    private HeaderMapping header(Work work, List<Cell> cells) {
        List<String> headers = cells.stream().map(Cell::text).toList();
        HeaderMapping mapping = work.fields() == null ? HeaderMapping.detect(headers)
                : HeaderMapping.of(headers, work.fields());
        separateTx.executeWithoutResult(s -> repository.saveColumns(work.jobId(), mapping.describe()));
        if (!mapping.identifies()) {
            throw new UnreadableFile("import.file.no-known-columns", null);
        }
        return mapping;
    }

    private void flush(Work work, List<StagedRow> batch, LiveProgress.Job live) {
        tx.executeWithoutResult(s -> {
            repository.stage(work.jobId(), batch);
            repository.progress(work.jobId(), live.phase, live.totalRows, live.rowsDone);
        });
        batch.clear();
    }

    // --- checking and saving -----------------------------------------------------------------------

    private void check(Work work, HeaderMapping mapping, CurrentActor actor, LiveProgress.Job live, Profile profile) {
        live.phase(ImportPhase.CHECKING);
        HouseholdImporter importer = new HouseholdImporter(registry, validator.banks(), mapping, actor,
                texts.get(Texts.INDONESIAN, "import.warning-reason", work.fileName()), "import:" + work.jobId(),
                existing, work.existing(), false);
        tx.executeWithoutResult(status -> {
            String after = "";
            while (true) {
                if (live.cancelRequested()) {
                    throw new Cancelled();
                }
                String from = after;
                List<List<StagedRow>> households = profile.time("read staged",
                        () -> repository.households(work.jobId(), from, settings.householdBatch()));
                if (households.isEmpty()) {
                    break;
                }
                HouseholdImporter.Result result = importer.applyAll(households, profile);
                count(result, live);
                List<StagedRow> outcomes = result.rows();
                profile.time("save outcomes", () -> repository.saveOutcomes(work.jobId(), outcomes));
                List<StagedRow> last = households.get(households.size() - 1);
                after = last.get(0).householdKey();
                separateTx.executeWithoutResult(s -> repository.progress(work.jobId(), live.phase, live.totalRows,
                        live.rowsDone));
            }
            awaitRelease(work.fileName());
            if (live.cancelRequested()) {
                throw new Cancelled();
            }
        });
    }

    private static void count(HouseholdImporter.Result result, LiveProgress.Job live) {
        for (StagedRow r : result.rows()) {
            switch (r.outcome()) {
                case ACCEPTED -> live.accepted++;
                case WARNING -> live.warnings++;
                case ERROR -> live.errors++;
            }
        }
        live.households += result.created();
        live.updated += result.updated();
        live.requested += result.requested();
        live.unchanged += result.unchanged();
        live.rowsDone += result.rows().size();
    }

    private void awaitRelease(String fileName) {
        CountDownLatch latch = holds.get(fileName);
        if (latch == null) {
            return;
        }
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                log.warn("Import hold on {} timed out", fileName);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Cancelled();
        }
    }
}
