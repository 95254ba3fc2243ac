package id.slrt.updating.web;

import id.slrt.shared.CurrentActor;
import id.slrt.updating.SiksngBatch;
import id.slrt.updating.SiksngBatchService;
import id.slrt.updating.UpdatingProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** Streams a batch file to the response, for the API and the pages alike. */
final class SiksngBatchDownloads {
    private SiksngBatchDownloads() {
    }

    static void send(SiksngBatchService batches, UUID id, SiksngBatch.Format format, CurrentActor me,
                     HttpServletResponse response) throws IOException {
        SiksngBatch b = batches.find(id).orElseThrow(() ->
                new UpdatingProblem(HttpStatus.NOT_FOUND, "not-found", "siksng.not-found"));
        response.setContentType(format.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"" + b.number() + "." + format.extension() + "\"");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        batches.write(id, format, response.getOutputStream(), me);
        response.flushBuffer();
    }
}
