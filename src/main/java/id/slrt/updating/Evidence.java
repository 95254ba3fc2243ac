package id.slrt.updating;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A file attached to a request as evidence (photo of KK or KTP, death certificate, SKTM, house photo,
 * minutes). Images carry the EXIF date and GPS position when the camera wrote them.
 */
public record Evidence(UUID id, UUID requestId, String evidenceType, String sha256, long sizeBytes,
                       String contentType, String originalName, LocalDateTime takenAt, Double latitude,
                       Double longitude, Instant uploadedAt, String uploadedBy) {

    public static final List<String> TYPES = List.of("KK", "KTP", "AKTA_KELAHIRAN", "AKTA_KEMATIAN", "SKTM",
            "FOTO_RUMAH", "BERITA_ACARA", "SURAT_PINDAH", "LAINNYA");

    public boolean image() {
        return contentType.startsWith("image/");
    }
}
