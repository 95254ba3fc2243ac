package id.slrt.audit.web;

import id.slrt.audit.AuditEntry;
import id.slrt.audit.AuditLog;
import id.slrt.audit.AuditQuery;
import id.slrt.audit.FieldChange;
import id.slrt.platform.Paged;
import id.slrt.platform.SlrtProperties;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.ObjectMapper;

/** The audit trail page for administrators, with filters and paging. */
@Controller
class AuditController {
    private final AuditLog audit;
    private final ZoneId zone;
    private final ObjectMapper json;

    AuditController(AuditLog audit, SlrtProperties props, ObjectMapper json) {
        this.audit = audit;
        this.json = json;
        this.zone = props.timezone();
    }

    record Row(AuditEntry entry, List<FieldChange> changes) {
    }

    @GetMapping("/admin/audit")
    String page(@RequestParam(required = false) String actor, @RequestParam(required = false) String entityType,
                @RequestParam(required = false) String entityId, @RequestParam(required = false) String action,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate fromDate,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate toDate,
                @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size, Model model) {
        AuditQuery query = new AuditQuery(actor, entityType, entityId, action,
                fromDate == null ? null : fromDate.atStartOfDay(zone).toInstant(),
                toDate == null ? null : toDate.plusDays(1).atStartOfDay(zone).toInstant());
        Paged<AuditEntry> result = audit.search(query, Math.max(0, page), Paged.size(size));
        model.addAttribute("result", result);
        model.addAttribute("rows", result.items().stream().map(e -> new Row(e, changes(e.changes()))).toList());
        model.addAttribute("q", query);
        model.addAttribute("fromDate", fromDate);
        model.addAttribute("toDate", toDate);
        model.addAttribute("zone", zone);
        return "audit/audit";
    }
    private List<FieldChange> changes(String changesJson) {
        return FieldChange.parse(json, changesJson);
    }
}
