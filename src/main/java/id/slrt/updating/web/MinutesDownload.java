package id.slrt.updating.web;

import id.slrt.platform.FileStore;
import id.slrt.updating.Musdes;
import id.slrt.updating.MusdesService;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Sends a deliberation's minutes file, shown inline (PDF or photo) under its original name. */
final class MinutesDownload {
    private MinutesDownload() {
    }

    static ResponseEntity<Resource> of(MusdesService musdes, FileStore files, UUID id) {
        Musdes m = musdes.openMinutes(id).orElse(null);
        if (m == null) {
            return ResponseEntity.notFound().build();
        }
        return files.open(m.minutesSha256())
                .<ResponseEntity<Resource>>map(path -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(m.minutesType()))
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                                .filename(m.minutesName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                        .header("X-Content-Type-Options", "nosniff")
                        .body(new FileSystemResource(path)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
