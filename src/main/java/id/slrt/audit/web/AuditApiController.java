package id.slrt.audit.web;

import id.slrt.audit.AuditEntry;
import id.slrt.audit.AuditLog;
import id.slrt.audit.AuditQuery;
import id.slrt.platform.Paged;
import id.slrt.platform.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit", description = "Append-only audit trail (admin)")
class AuditApiController {
    private final AuditLog audit;

    AuditApiController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/audit")
    @Operation(summary = "Search the audit trail; from/to are ISO-8601 instants, newest first")
    Paged<AuditEntry> api(@RequestParam(required = false) String actor, @RequestParam(required = false) String entityType,
                          @RequestParam(required = false) String entityId, @RequestParam(required = false) String action,
                          @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                          @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size) {
        AuditQuery query = new AuditQuery(actor, entityType, entityId, action, instant("from", from), instant("to", to));
        return audit.search(query, Math.max(0, page), Paged.size(size));
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "problem.field-unreadable", field);
        }
    }
}
