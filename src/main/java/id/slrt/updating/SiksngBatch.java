package id.slrt.updating;

import java.time.Instant;
import java.util.UUID;

/**
 * An export batch of applied change requests for SIKS-NG: built by the district SLRT operator,
 * downloaded as CSV or XLSX, then closed by Kemensos' result file. {@code regionCode} is the region the
 * batch covers (the district, or the kecamatan/desa it was limited to); {@code lastResult} is what the
 * last imported result file did, line by line.
 */
public record SiksngBatch(UUID id, String number, String regionCode, ChangeKind kindFilter, Status status,
                          int itemCount, int rowCount, int confirmedCount, int rejectedCount, Instant createdAt,
                          String createdBy, Instant downloadedAt, String downloadedBy, Instant resultImportedAt,
                          String resultImportedBy, String resultSha256, String resultFileName,
                          ImportSummary lastResult, int version) {

    /** Where a batch stands: built, handed out as a file, result imported for some items, every item decided. */
    public enum Status {
        CREATED, DOWNLOADED, RESULT_IMPORTED, CLOSED;

        public String labelKey() {
            return "siksng.status." + name();
        }
    }

    /** Items still waiting for Kemensos' decision. */
    public int openCount() {
        return itemCount - confirmedCount - rejectedCount;
    }

    /** One request in a batch: its current status and, once the result is imported, Kemensos' decision. */
    public record Item(UUID requestId, String requestNumber, ChangeKind kind, String regionCode,
                       RequestStatus requestStatus, String subject, int rowCount, String outcome, String reason,
                       Integer resultLine, Instant decidedAt) {
    }

    /** The file formats a batch is downloaded in. */
    public enum Format {
        CSV("text/csv;charset=UTF-8", "csv"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

        private final String contentType;
        private final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        public String contentType() {
            return contentType;
        }

        public String extension() {
            return extension;
        }

        public static Format parse(String value) {
            if (value == null || value.isBlank()) {
                return CSV;
            }
            for (Format f : values()) {
                if (f.name().equalsIgnoreCase(value.trim())) {
                    return f;
                }
            }
            throw new UpdatingProblem(org.springframework.http.HttpStatus.BAD_REQUEST, "validation",
                    "problem.validation", java.util.List.of(new UpdatingProblem.FieldError("format", "siksng.format-unknown")));
        }
    }
}
