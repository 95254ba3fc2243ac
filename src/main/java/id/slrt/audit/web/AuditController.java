package id.slrt.audit.web;

import id.slrt.audit.AuditLog;
import id.slrt.audit.AuditQuery;
import id.slrt.platform.Paged;
import id.slrt.platform.SlrtProperties;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail page for administrators, with filters and paging. */
@Controller
class AuditController {
    private final AuditLog audit;
    private final ZoneId zone;

    AuditController(AuditLog audit, SlrtProperties props) {
        this.audit = audit;
        this.zone = props.timezone();
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
        model.addAttribute("result", audit.search(query, Math.max(0, page), Paged.size(size)));
        model.addAttribute("q", query);
        model.addAttribute("fromDate", fromDate);
        model.addAttribute("toDate", toDate);
        model.addAttribute("zone", zone);
        return "audit/audit";
    }
}
