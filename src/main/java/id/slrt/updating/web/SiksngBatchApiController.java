package id.slrt.updating.web;

import id.slrt.platform.Paged;
import id.slrt.platform.Texts;
import id.slrt.shared.CurrentActor;
import id.slrt.updating.ChangeKind;
import id.slrt.updating.ImportSummary;
import id.slrt.updating.SiksngBatch;
import id.slrt.updating.SiksngBatchService;
import id.slrt.updating.UpdatingProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** SIKS-NG export batches over the API: build, list, download the file, import Kemensos' result. */
@RestController
@RequestMapping("/api/v1/siksng-batches")
@Tag(name = "SIKS-NG batches", description = "Export applied change requests to SIKS-NG and import Kemensos' result")
class SiksngBatchApiController {
    private final SiksngBatchService batches;
    private final Texts texts;

    SiksngBatchApiController(SiksngBatchService batches, Texts texts) {
        this.batches = batches;
        this.texts = texts;
    }

    record BuildRequest(String region, String kind) {
    }

    record BatchView(SiksngBatch batch, Paged<SiksngBatch.Item> items) {
    }

    /** A line of an import summary with its message in the request's language. */
    record LineView(int line, String requestNumber, ImportSummary.Result result, String code, String message) {
    }

    record SummaryView(String sha256, String fileName, int confirmed, int rejected, int alreadyDecided, int problems,
                       List<LineView> lines) {
    }

    @PostMapping
    @Operation(summary = "Build a batch of all applied requests in your scope not yet exported (optionally one region and kind)")
    ResponseEntity<SiksngBatch> build(@RequestBody(required = false) BuildRequest body,
                                      @AuthenticationPrincipal CurrentActor me) {
        ChangeKind kind = null;
        if (body != null && body.kind() != null && !body.kind().isBlank()) {
            kind = ChangeKind.parse(body.kind());
            if (kind == null) {
                throw new UpdatingProblem(HttpStatus.BAD_REQUEST, "validation", "problem.validation",
                        List.of(new UpdatingProblem.FieldError("kind", "updating.kind-required")));
            }
        }
        SiksngBatch b = batches.build(body == null ? null : body.region(), kind, me);
        return ResponseEntity.created(URI.create("/api/v1/siksng-batches/" + b.id())).body(b);
    }

    @GetMapping
    @Operation(summary = "Batches in your scope, newest first")
    Paged<SiksngBatch> list(@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size) {
        return batches.list(Math.max(0, page), Paged.size(size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One batch with a page of its items (request, current status, Kemensos' outcome)")
    BatchView get(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
                  @RequestParam(required = false) Integer size) {
        SiksngBatch b = batches.find(id).orElseThrow(() ->
                new UpdatingProblem(HttpStatus.NOT_FOUND, "not-found", "siksng.not-found"));
        return new BatchView(b, batches.items(id, Math.max(0, page), Paged.size(size)));
    }

    @GetMapping("/{id}/file")
    @Operation(summary = "Download the batch as CSV (for SIKS-NG) or XLSX (for people); audited")
    void file(@PathVariable UUID id, @RequestParam(defaultValue = "csv") String format,
              @AuthenticationPrincipal CurrentActor me, HttpServletResponse response) throws IOException {
        SiksngBatchDownloads.send(batches, id, SiksngBatch.Format.parse(format), me, response);
    }

    @PostMapping(value = "/{id}/result", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import Kemensos' result file (CSV or XLSX, columns nomor_usulan, status, keterangan)")
    SummaryView result(@PathVariable UUID id, @RequestPart("file") MultipartFile file,
                       @AuthenticationPrincipal CurrentActor me) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return view(batches.importResult(id, in, file.getOriginalFilename(), me));
        }
    }

    private SummaryView view(ImportSummary s) {
        return new SummaryView(s.sha256(), s.fileName(), s.confirmed(), s.rejected(), s.alreadyDecided(), s.problems(),
                s.lines().stream().map(l -> new LineView(l.line(), l.requestNumber(), l.result(), l.messageKey(),
                        texts.get(l.messageKey(), l.argArray()))).toList());
    }

}
