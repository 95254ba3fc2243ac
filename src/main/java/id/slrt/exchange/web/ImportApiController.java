package id.slrt.exchange.web;

import id.slrt.exchange.ExistingPeople;
import id.slrt.exchange.ImportJob;
import id.slrt.exchange.ImportMessages;
import id.slrt.exchange.ImportRow;
import id.slrt.exchange.ImportService;
import id.slrt.exchange.ImportStart;
import id.slrt.exchange.ImportStatus;
import id.slrt.exchange.Quarantine;
import id.slrt.exchange.internal.ImportPreviewer;
import id.slrt.exchange.RowOutcome;
import id.slrt.platform.Paged;
import id.slrt.platform.ProblemException;
import id.slrt.platform.Texts;
import id.slrt.shared.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Bulk import over the API: upload a file (the job runs in the background), follow it, read its rows. */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports", description = "Import households and members from DTKS / village CSV or XLSX files")
class ImportApiController {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final ImportService imports;
    private final ImportMessages messages;
    private final Quarantine quarantine;
    private final Texts texts;
    private final ObjectMapper json;

    ImportApiController(ImportService imports, ImportMessages messages, Quarantine quarantine, Texts texts,
                        ObjectMapper json) {
        this.json = json;
        this.imports = imports;
        this.messages = messages;
        this.quarantine = quarantine;
        this.texts = texts;
    }

    /** {@code alreadyImported} and {@code message} only when the same file was imported before. */
    record Started(UUID id, Boolean alreadyImported, String message) {
    }

    /**
     * {@code updated}: households of registered people updated directly; {@code requested}: change requests
     * made for them; {@code unchanged}: rows of registered people with nothing to change.
     */
    record Summary(UUID id, ImportStatus status, String phase, String fileName, int totalRows, int rowsDone,
                   double rowsPerSecond, int accepted, int warnings, int errors, int households, String failure,
                   List<ImportJob.Column> columns, ExistingPeople existing, int updated, int requested, int unchanged) {
    }

    record RowError(String code, String severity, String column, String message) {
    }

    /**
     * {@code action}: UPDATED, REQUESTED, UNCHANGED or SKIPPED when not the plain case; {@code cells}: the
     * row as in the file, header → cell, every column (known or not).
     */
    record RowView(int row, String outcome, String action, List<RowError> errors, Map<String, String> cells) {
    }

    /** Each column with the field it is read as (null: kept as it is) and the one detected. */
    record PreviewColumn(String header, String field, String detected) {
    }

    record Preview(List<PreviewColumn> columns, boolean identifies, boolean more, List<RowView> rows) {
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a CSV or XLSX file; 202 with the job id, or 200 with the earlier job when the same "
            + "file was already imported in your scope. Optional: mapping, a JSON object header → field (NO_KK, NIK, "
            + "NAMA, …; null or \"\" keeps the column as it is) correcting the detected mapping; existing = skip "
            + "(default), update (roles that edit the registry directly) or request (change requests) for households "
            + "whose people are already registered")
    ResponseEntity<Started> start(@RequestPart("file") MultipartFile file,
                                  @RequestParam(required = false) String mapping,
                                  @RequestParam(required = false) String existing,
                                  @AuthenticationPrincipal CurrentActor me) throws IOException {
        Map<String, String> corrections = mapping(mapping);
        ExistingPeople choice = existing(existing);
        ImportStart started;
        try (InputStream in = file.getInputStream()) {
            started = imports.start(in, file.getOriginalFilename(), corrections, choice, me);
        }
        URI location = URI.create("/api/v1/imports/" + started.id());
        if (started.alreadyImported()) {
            ImportJob earlier = imports.require(started.id());
            return ResponseEntity.ok().location(location).body(new Started(started.id(), true,
                    texts.get("import.already-imported", earlier.fileName(), earlier.createdBy())));
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(location).body(new Started(started.id(), null, null));
    }

    @PostMapping(path = "/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "What importing this file would do, without importing it: the mapping of each column "
            + "(detected, or corrected by mapping) and the first rows with their would-be outcome and action "
            + "(same optional parameters as the upload)")
    Preview preview(@RequestPart("file") MultipartFile file, @RequestParam(required = false) String mapping,
                    @RequestParam(required = false) String existing, @AuthenticationPrincipal CurrentActor me)
            throws IOException {
        Map<String, String> corrections = mapping(mapping);
        ExistingPeople choice = existing(existing);
        ImportPreviewer.Preview p;
        try (InputStream in = file.getInputStream()) {
            p = imports.preview(in, file.getOriginalFilename(), corrections, choice, me);
        }
        List<PreviewColumn> columns = new java.util.ArrayList<>();
        for (int i = 0; i < p.columns().size(); i++) {
            columns.add(new PreviewColumn(p.columns().get(i).header(), p.columns().get(i).field(), p.detected().get(i)));
        }
        return new Preview(columns, p.identifies(), p.more(), p.rows().stream().map(r -> view(r, p.columns())).toList());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Status and counts of an import: RUNNING, DONE, FAILED or CANCELLED (PREVIEW: uploaded on "
            + "the pages, waiting for confirmation)")
    Summary get(@PathVariable UUID id) {
        ImportJob j = imports.require(id);
        return new Summary(j.id(), j.status(), j.phase().name(), j.fileName(), j.totalRows(), j.rowsDone(),
                Math.round(j.rowsPerSecond() * 10) / 10.0, j.accepted(), j.warnings(), j.errors(), j.households(),
                j.failure() == null ? null : texts.get(j.failure()), j.columns(), j.existing(), j.updated(),
                j.requested(), j.unchanged());
    }

    @GetMapping("/{id}/rows")
    @Operation(summary = "Rows of an import with their findings, optionally of one outcome (accepted, warning, error); "
            + "row is the 1-based data row, header not counted. Paged: page, size (≤ 1000); total in X-Total-Count")
    ResponseEntity<List<RowView>> rows(@PathVariable UUID id, @RequestParam(required = false) String outcome,
                                       @RequestParam(defaultValue = "0") int page,
                                       @RequestParam(defaultValue = "100") int size) {
        RowOutcome o = RowOutcome.parse(outcome);
        if (outcome != null && !outcome.isBlank() && o == null) {
            throw ProblemException.invalidField("outcome", "import.outcome-invalid");
        }
        Paged<ImportRow> rows = imports.rows(id, o, Math.max(0, page), Math.min(Math.max(size, 1), 1000));
        List<ImportJob.Column> columns = imports.require(id).columns();
        return ResponseEntity.ok().header("X-Total-Count", String.valueOf(rows.total()))
                .body(rows.items().stream().map(r -> view(r, columns)).toList());
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a running import: nothing of it reaches the registry")
    Summary cancel(@PathVariable UUID id, @AuthenticationPrincipal CurrentActor me) {
        imports.cancel(id, me);
        return get(id);
    }

    @GetMapping("/{id}/quarantine")
    @Operation(summary = "The error rows as XLSX, original columns plus KESALAHAN; correct and import again")
    void quarantine(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        sendQuarantine(quarantine, imports.require(id), response);
    }

    static void sendQuarantine(Quarantine quarantine, ImportJob job, HttpServletResponse response) throws IOException {
        String base = job.fileName().replaceAll("\\.[A-Za-z0-9]{1,5}$", "").replaceAll("[^A-Za-z0-9._-]", "_");
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + base + "-karantina.xlsx\"");
        quarantine.write(job.id(), response.getOutputStream());
    }

    private RowView view(ImportRow r, List<ImportJob.Column> columns) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            cells.putIfAbsent(columns.get(i).header(), i < r.cells().size() ? r.cells().get(i) : "");
        }
        return new RowView(r.row(), r.outcome() == null ? null : r.outcome().name(),
                r.action() == null ? null : r.action().name(), r.problems().stream()
                .map(p -> new RowError(p.code(), p.severity().name(), p.column(), messages.message(p))).toList(), cells);
    }

    /** The mapping parameter: a JSON object header → field name (or null / "" to keep the column as it is). */
    private Map<String, String> mapping(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            JsonNode node = json.readTree(text);
            if (!node.isObject()) {
                throw ProblemException.invalidField("mapping", "import.mapping.invalid");
            }
            Map<String, String> map = new LinkedHashMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asString()));
            return map;
        } catch (JacksonException e) {
            throw ProblemException.invalidField("mapping", "import.mapping.invalid");
        }
    }

    static ExistingPeople existing(String value) {
        ExistingPeople choice = ExistingPeople.parse(value, ExistingPeople.SKIP);
        if (choice == null) {
            throw ProblemException.invalidField("existing", "import.existing.invalid");
        }
        return choice;
    }
}
