package id.slrt.updating;

import id.slrt.audit.AuditLog;
import id.slrt.audit.Change;
import id.slrt.platform.FileStore;
import id.slrt.platform.Paged;
import id.slrt.platform.SlrtProperties;
import id.slrt.platform.StoredFile;
import id.slrt.platform.Texts;
import id.slrt.region.RegionService;
import id.slrt.registry.RegistryService;
import id.slrt.shared.CurrentActor;
import id.slrt.shared.Ids;
import id.slrt.updating.ImportSummary.Line;
import id.slrt.updating.ImportSummary.Result;
import id.slrt.updating.internal.BatchRows;
import id.slrt.updating.internal.ChangeRequestRepository;
import id.slrt.updating.internal.DeniedSteps;
import id.slrt.updating.internal.ChangeRequestRepository.Transition;
import id.slrt.updating.internal.SiksngBatchRepository;
import id.slrt.updating.internal.SiksngBatchRepository.ItemState;
import id.slrt.updating.batch.BatchFileWriter;
import id.slrt.updating.batch.BatchResult;
import id.slrt.updating.batch.BatchResultReader;
import id.slrt.updating.batch.BatchRow;
import id.slrt.updating.batch.ResultEntry;
import id.slrt.updating.batch.ResultLine;
import id.slrt.updating.batch.ResultProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SIKS-NG export batches. The district SLRT operator gathers the applied requests of their scope into a
 * batch (each request moves APPLIED → EXPORTED), downloads it as CSV or XLSX for SIKS-NG, and imports
 * Kemensos' result file: a confirmed request becomes CONFIRMED (a proposed program becomes active), a
 * rejected one goes back to the desa as RETURNED with Kemensos' reason. Every step is on each request's
 * timeline and in the audit trail; row-level security limits batches and their items to the caller's region.
 */
@Service
public class SiksngBatchService {
    public static final String ENTITY = "siksng_batch";
    public static final Set<String> EXPORTERS = Set.of("OPERATOR_SLRT");

    private final SiksngBatchRepository batches;
    private final DeniedSteps denied;
    private final ChangeRequestRepository requests;
    private final BatchRows batchRows;
    private final RegistryService registry;
    private final RegionService regions;
    private final FileStore files;
    private final AuditLog audit;
    private final Texts texts;
    private final UpdatingSettings settings;
    private final Clock clock;
    private final ZoneId zone;

    SiksngBatchService(SiksngBatchRepository batches, ChangeRequestRepository requests, BatchRows batchRows,
                       RegistryService registry, RegionService regions, FileStore files, AuditLog audit, Texts texts,
                       UpdatingSettings settings, Clock clock, SlrtProperties properties, DeniedSteps denied) {
        this.batches = batches;
        this.denied = denied;
        this.requests = requests;
        this.batchRows = batchRows;
        this.registry = registry;
        this.regions = regions;
        this.files = files;
        this.audit = audit;
        this.texts = texts;
        this.settings = settings;
        this.clock = clock;
        this.zone = properties.timezone();
    }

    // --- building -------------------------------------------------------------------------------

    /**
     * Builds a batch of every applied request in the caller's scope not yet exported, optionally only
     * those under {@code regionPrefix} (a kecamatan or desa) and of one kind. Refused when nothing is ready.
     */
    @Transactional
    public SiksngBatch build(String regionPrefix, ChangeKind kind, CurrentActor by) {
        requireExporter("BUILD", null, by);
        String region = regionOf(regionPrefix, by);
        List<ChangeRequest> ready = requests.readyForExport(region, kind);
        if (ready.isEmpty()) {
            throw new UpdatingProblem(HttpStatus.CONFLICT, "siksng-nothing-to-export", "siksng.nothing-to-export");
        }
        Instant now = clock.instant();
        UUID id = Ids.newId();
        String number = batches.nextNumber(now.atZone(zone).getYear());
        batches.insert(id, number, region, kind, now, by.username());
        BatchRows.Mapper mapper = batchRows.mapper();
        int items = 0;
        int rows = 0;
        for (ChangeRequest r : ready) {
            // Another operator may have exported it a moment ago: then it is theirs, not ours.
            if (!requests.transition(r.id(), RequestStatus.APPLIED, RequestStatus.EXPORTED, now, by.username(),
                    new Transition(null, null, null, null, null, null, null, null, id))) {
                continue;
            }
            List<BatchRow> lines = mapper.rows(r);
            batches.insertItem(id, r, lines);
            Map<String, String> details = Map.of("batch", number);
            event(r, "EXPORTED", RequestStatus.APPLIED, RequestStatus.EXPORTED, null, details, by);
            audit.record("UPDATING_EXPORTED", UpdatingService.ENTITY, r.id().toString(), r.regionCode(),
                    statusChange(RequestStatus.APPLIED, RequestStatus.EXPORTED, details), number);
            items++;
            rows += lines.size();
        }
        if (items == 0) {
            throw new UpdatingProblem(HttpStatus.CONFLICT, "siksng-nothing-to-export", "siksng.nothing-to-export");
        }
        batches.setCounts(id, items, rows);
        Map<String, Change> changes = new LinkedHashMap<>();
        changes.put("items", new Change(null, items));
        changes.put("rows", new Change(null, rows));
        audit.record("SIKSNG_BATCH_CREATED", ENTITY, id.toString(), region, changes, number);
        return batches.find(id).orElseThrow();
    }

    // --- reading --------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Optional<SiksngBatch> find(UUID id) {
        return batches.find(id);
    }

    @Transactional(readOnly = true)
    public Paged<SiksngBatch> list(int page, int size) {
        return batches.list(page, size);
    }

    @Transactional(readOnly = true)
    public Paged<SiksngBatch.Item> items(UUID batchId, int page, int size) {
        return batches.items(batchId, page, size);
    }

    /** Applied requests waiting for a batch, per kecamatan code, in the caller's scope. */
    @Transactional(readOnly = true)
    public Map<String, Long> readyByKecamatan() {
        return batches.readyByKecamatan();
    }

    /**
     * Writes the batch file, row by row straight from the database. Exporting personal data is audited
     * with who, which batch, the format and the number of rows; the first download marks the batch DOWNLOADED.
     */
    @Transactional
    public void write(UUID id, SiksngBatch.Format format, OutputStream out, CurrentActor by) {
        SiksngBatch b = batches.find(id).orElseThrow(SiksngBatchService::notFound);
        AtomicInteger count = new AtomicInteger();
        try (Stream<BatchRow> rows = batches.rows(id).peek(r -> count.incrementAndGet())) {
            BatchFileWriter writer = new BatchFileWriter();
            if (format == SiksngBatch.Format.XLSX) {
                writer.writeXlsx(rows, out);
            } else {
                writer.writeCsv(rows, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (EXPORTERS.contains(by.role())) {
            batches.markDownloaded(id, clock.instant(), by.username());
        }
        Map<String, Change> changes = new LinkedHashMap<>();
        changes.put("format", new Change(null, format.name()));
        changes.put("rows", new Change(null, count.get()));
        audit.record("SIKSNG_BATCH_DOWNLOADED", ENTITY, id.toString(), b.regionCode(), changes, b.number());
    }

    // --- Kemensos' result -----------------------------------------------------------------------

    /**
     * Imports Kemensos' result file for a batch, in one transaction: every usable line is applied, every
     * other line is reported with its number; a file that cannot be read changes nothing. Importing the
     * same file again changes nothing either: the lines it names are reported as already decided.
     */
    @Transactional
    public ImportSummary importResult(UUID id, InputStream in, String fileName, CurrentActor by) {
        requireExporter("IMPORT_RESULT", id, by);
        SiksngBatch b = batches.find(id).orElseThrow(SiksngBatchService::notFound);
        if (b.status() == SiksngBatch.Status.CREATED) {
            throw new UpdatingProblem(HttpStatus.CONFLICT, "siksng-not-downloaded", "siksng.not-downloaded");
        }
        StoredFile file = files.storeImport(in, fileName);
        BatchResult result = read(file);
        if (!result.readable()) {
            throw new UpdatingProblem(HttpStatus.UNPROCESSABLE_CONTENT, "siksng-result-unreadable",
                    "siksng.result-unreadable", result.fileProblems().stream()
                    .map(p -> new UpdatingProblem.FieldError("file", p.messageKey(), p.args())).toList());
        }
        Instant now = clock.instant();
        List<Line> lines = new ArrayList<>();
        Map<String, List<ResultLine>> byRequest = new LinkedHashMap<>();
        for (ResultEntry entry : result.entries()) {
            if (entry instanceof ResultProblem p) {
                lines.add(new Line(p.lineNumber(), null, Result.PROBLEM, p.messageKey(), strings(p.args())));
            } else if (entry instanceof ResultLine l) {
                byRequest.computeIfAbsent(l.requestNumber().toUpperCase(Locale.ROOT), k -> new ArrayList<>()).add(l);
            }
        }
        Map<String, ItemState> items = batches.itemStates(id);
        byRequest.forEach((number, group) -> decide(b, items.get(number), group, lines, now, by));
        lines.sort(Comparator.comparingInt(Line::line));
        ImportSummary summary = new ImportSummary(file.sha256(), file.originalName(), now, by.username(),
                count(lines, Result.CONFIRMED), count(lines, Result.REJECTED), count(lines, Result.ALREADY_DECIDED),
                count(lines, Result.PROBLEM), lines);
        batches.recordResult(id, summary);
        Map<String, Change> changes = new LinkedHashMap<>();
        changes.put("confirmed", new Change(null, summary.confirmed()));
        changes.put("rejected", new Change(null, summary.rejected()));
        changes.put("alreadyDecided", new Change(null, summary.alreadyDecided()));
        changes.put("problems", new Change(null, summary.problems()));
        audit.record("SIKSNG_RESULT_IMPORTED", ENTITY, id.toString(), b.regionCode(), changes,
                file.originalName() + " sha256:" + file.sha256());
        return summary;
    }

    /** The lines naming one request: checked together, then applied once. */
    private void decide(SiksngBatch b, ItemState item, List<ResultLine> group, List<Line> lines, Instant now,
                        CurrentActor by) {
        if (item == null) {
            group.forEach(l -> lines.add(problem(l, "siksng.line.not-in-batch", l.requestNumber(), b.number())));
            return;
        }
        List<ResultLine> usable = new ArrayList<>();
        for (ResultLine l : group) {
            if (l.nik() != null && !item.niks().contains(l.nik())) {
                lines.add(problem(l, "siksng.line.nik-not-in-request", l.requestNumber(), l.nik()));
            } else {
                usable.add(l);
            }
        }
        if (usable.isEmpty()) {
            return;
        }
        if (usable.stream().map(ResultLine::outcome).distinct().count() > 1) {
            usable.forEach(l -> lines.add(problem(l, "siksng.line.conflicting", l.requestNumber())));
            return;
        }
        ResultLine first = usable.get(0);
        usable.stream().skip(1).forEach(l -> lines.add(new Line(l.lineNumber(), l.requestNumber(), Result.DUPLICATE,
                "siksng.line.duplicate", List.of(l.requestNumber(), String.valueOf(first.lineNumber())))));
        String outcome = first.outcome().name();
        if (item.outcome() != null) {
            lines.add(outcome.equals(item.outcome())
                    ? new Line(first.lineNumber(), first.requestNumber(), Result.ALREADY_DECIDED,
                    "siksng.line.already-" + outcome, List.of(first.requestNumber()))
                    : problem(first, "siksng.line.decided-otherwise", first.requestNumber()));
            return;
        }
        ChangeRequest r = requests.find(item.requestId()).orElse(null);
        if (r == null || r.status() != RequestStatus.EXPORTED) {
            lines.add(problem(first, "siksng.line.not-exported", first.requestNumber()));
            return;
        }
        String reason = usable.stream().map(ResultLine::reason).filter(Objects::nonNull).distinct()
                .reduce((x, y) -> x + "; " + y).orElse(null);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("batch", b.number());
        details.put("line", String.valueOf(first.lineNumber()));
        if (first.outcome() == id.slrt.updating.batch.Outcome.CONFIRMED) {
            confirm(r, reason, details, now, by);
            lines.add(new Line(first.lineNumber(), r.number(), Result.CONFIRMED, "siksng.line.confirmed",
                    List.of(r.number())));
        } else {
            String shown = reason != null ? reason : texts.get(Texts.INDONESIAN, "siksng.rejected-without-reason");
            sendBack(r, shown, details, now, by);
            lines.add(new Line(first.lineNumber(), r.number(), Result.REJECTED, "siksng.line.rejected",
                    List.of(r.number(), shown)));
            reason = shown;
        }
        batches.decideItem(b.id(), r.id(), outcome, reason, first.lineNumber(), now, by.username());
    }

    private void confirm(ChangeRequest r, String note, Map<String, String> details, Instant now, CurrentActor by) {
        move(r, RequestStatus.CONFIRMED, "CONFIRMED", Transition.due(null), note, details, now, by);
        if (r.kind() == ChangeKind.PROGRAM && r.householdId() != null) {
            LocalDate today = now.atZone(zone).toLocalDate();
            r.proposed().forEach((key, value) -> {
                if (key.startsWith("program.") && "PROPOSED".equals(value)) {
                    String target = FieldKeys.field(key);
                    UUID member = FieldKeys.HOUSEHOLD_TARGET.equals(target) ? null : UUID.fromString(target);
                    registry.activateProposedProgram(r.householdId(), member, FieldKeys.middle(key), today, by);
                }
            });
        }
    }

    private void sendBack(ChangeRequest r, String reason, Map<String, String> details, Instant now, CurrentActor by) {
        endRefusedProposals(r, by);
        Map<String, String> returns = Map.of("", reason);
        move(r, RequestStatus.RETURNED, "KEMENSOS_REJECTED", new Transition(now.plus(Duration.ofDays(settings.fixDays())),
                null, null, null, null, null, null, returns, null), reason, details, now, by);
    }

    /** A program proposal Kemensos refused does not stay "proposed" in the registry: it ends. */
    private void endRefusedProposals(ChangeRequest r, CurrentActor by) {
        if (r.kind() != ChangeKind.PROGRAM || r.householdId() == null) {
            return;
        }
        registry.find(r.householdId()).ifPresent(d -> d.programs().stream()
                .filter(p -> "PROPOSED".equals(p.status())
                        && "PROPOSED".equals(r.proposed().get("program." + p.code() + "." + FieldKeys.target(p.memberId()))))
                .forEach(p -> registry.endProgram(r.householdId(), p.id(), "ENDED", clock.instant().atZone(zone).toLocalDate(), by)));
    }

    private void move(ChangeRequest r, RequestStatus to, String action, Transition t, String reason,
                      Map<String, String> details, Instant now, CurrentActor by) {
        if (!requests.transition(r.id(), RequestStatus.EXPORTED, to, now, by.username(), t)) {
            throw new UpdatingProblem(HttpStatus.CONFLICT, "conflict", "updating.stale");
        }
        event(r, action, RequestStatus.EXPORTED, to, reason, details, by);
        audit.record("UPDATING_" + action, UpdatingService.ENTITY, r.id().toString(), r.regionCode(),
                statusChange(RequestStatus.EXPORTED, to, details), reason);
    }

    private BatchResult read(StoredFile file) {
        try (InputStream stored = files.read(file.sha256())) {
            return new BatchResultReader().read(stored);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- helpers --------------------------------------------------------------------------------

    private void event(ChangeRequest r, String action, RequestStatus from, RequestStatus to, String reason,
                       Map<String, String> details, CurrentActor by) {
        requests.insertEvent(new RequestEvent(Ids.newId(), r.id(), clock.instant(), by.username(), by.role(), action,
                from, to, reason, details), r.regionCode());
    }

    private static Map<String, Change> statusChange(RequestStatus from, RequestStatus to, Map<String, String> details) {
        Map<String, Change> changes = new LinkedHashMap<>();
        changes.put("status", new Change(from.name(), to.name()));
        details.forEach((k, v) -> changes.put(k, new Change(null, v)));
        return changes;
    }

    /** The batch's region: the caller's scope, or a kecamatan/desa inside it. */
    private String regionOf(String regionPrefix, CurrentActor by) {
        if (regionPrefix == null || regionPrefix.isBlank()) {
            return by.regionScope();
        }
        String region = regionPrefix.trim();
        if (!region.startsWith(by.regionScope()) || regions.find(region).isEmpty()) {
            throw new UpdatingProblem(HttpStatus.BAD_REQUEST, "validation", "problem.validation",
                    List.of(new UpdatingProblem.FieldError("region", "siksng.region-outside-scope")));
        }
        return region;
    }

    private void requireExporter(String action, UUID batchId, CurrentActor by) {
        if (!EXPORTERS.contains(by.role())) {
            denied.recordBatch(action, batchId, "siksng.forbidden", by);
            throw UpdatingProblem.forbidden("siksng.forbidden");
        }
    }

    static UpdatingProblem notFound() {
        return new UpdatingProblem(HttpStatus.NOT_FOUND, "not-found", "siksng.not-found");
    }

    private static Line problem(ResultLine l, String key, String... args) {
        return new Line(l.lineNumber(), l.requestNumber(), Result.PROBLEM, key, List.of(args));
    }

    private static List<String> strings(Object[] args) {
        return Arrays.stream(args).map(String::valueOf).toList();
    }

    private static int count(List<Line> lines, Result result) {
        return (int) lines.stream().filter(l -> l.result() == result).count();
    }
}
