package id.slrt.complaint.web;

import id.slrt.complaint.Channel;
import id.slrt.complaint.Complaint;
import id.slrt.complaint.ComplaintQuery;
import id.slrt.complaint.ComplaintService;
import id.slrt.complaint.ComplaintService.View;
import id.slrt.complaint.ComplaintRouting;
import id.slrt.complaint.Filing;
import id.slrt.complaint.RoutingRule;
import id.slrt.complaint.ServiceLevels;
import id.slrt.complaint.ServiceLevels.Holiday;
import id.slrt.platform.Paged;
import id.slrt.platform.ProblemException;
import id.slrt.shared.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Complaints over the API (a WhatsApp bot, another system): filing, reading, the handling steps; the holiday calendar. */
@RestController
@Tag(name = "Pengaduan", description = "Complaints: file, list, read, acknowledge, start, refer, resolve, close, assign; routing rules")
class ComplaintApiController {
    private final ComplaintService complaints;
    private final ServiceLevels levels;

    private final ComplaintRouting routing;

    ComplaintApiController(ComplaintService complaints, ServiceLevels levels, ComplaintRouting routing) {
        this.complaints = complaints;
        this.levels = levels;
        this.routing = routing;
    }

    record StepRequest(Integer version, String note) {
    }

    record AssignRequest(Integer version, String assignee) {
    }

    record HolidayRequest(String name) {
    }

    record RoutingRequest(String target, String agencyCode) {
    }

    @PostMapping("/api/v1/complaints")
    @Operation(summary = "File a complaint (channel API); the answer carries its tracking code and due dates")
    ResponseEntity<Complaint> file(@RequestBody Filing body, @AuthenticationPrincipal CurrentActor me) {
        Complaint c = complaints.file(body, Channel.API, List.of(), me);
        return ResponseEntity.created(URI.create("/api/v1/complaints/" + c.id())).body(c);
    }

    @GetMapping("/api/v1/complaints")
    @Operation(summary = "Complaints in your scope; status OPEN (default) or one status, category, region prefix, "
            + "overdue; sort due (overdue first), newest, oldest")
    Paged<Complaint> list(@RequestParam(required = false) String status, @RequestParam(required = false) String category,
                          @RequestParam(required = false) String region, @RequestParam(required = false) String assignee,
                          @RequestParam(defaultValue = "false") boolean overdue, @RequestParam(required = false) String sort,
                          @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size) {
        return complaints.list(new ComplaintQuery(status == null ? "OPEN" : status, category, region, assignee, overdue,
                sort), Math.max(0, page), Paged.size(size));
    }

    @GetMapping("/api/v1/complaints/{id}")
    @Operation(summary = "One complaint with its timeline, files and possible duplicates (an audited read)")
    View get(@PathVariable UUID id) {
        return complaints.open(id).orElseThrow(() -> ProblemException.notFound("complaint.not-found"));
    }

    @PostMapping("/api/v1/complaints/{id}/{step:acknowledge|start|refer|resume|resolve|close}")
    @Operation(summary = "Take a handling step; refer, resume and resolve need a note, close needs one unless resolved")
    Complaint step(@PathVariable UUID id, @PathVariable String step, @RequestBody(required = false) StepRequest body,
                   @AuthenticationPrincipal CurrentActor me) {
        Integer version = body == null ? null : body.version();
        String note = body == null ? null : body.note();
        return ComplaintController.take(complaints, step, id, version, note, me);
    }

    @PostMapping("/api/v1/complaints/{id}/assign")
    @Operation(summary = "Give an open complaint to a handler whose scope covers its desa (empty: to nobody)")
    Complaint assign(@PathVariable UUID id, @RequestBody AssignRequest body, @AuthenticationPrincipal CurrentActor me) {
        return complaints.assign(id, body.version(), body.assignee(), me);
    }

    @GetMapping("/api/v1/holidays")
    @Operation(summary = "The holiday calendar of one year (dates not counted as working days)")
    List<Holiday> holidays(@RequestParam int year) {
        return levels.holidays(year);
    }

    @PutMapping("/api/v1/holidays/{date}")
    @Operation(summary = "Add or rename a holiday (administrator); complaints filed afterwards count it")
    Holiday setHoliday(@PathVariable LocalDate date, @RequestBody HolidayRequest body) {
        return levels.setHoliday(date, body == null ? null : body.name());
    }

    @GetMapping("/api/v1/complaint-routing")
    @Operation(summary = "The routing rule of each complaint category: DESA_OPERATOR, BACK_OFFICE or AGENCY (with its code)")
    List<RoutingRule> routing() {
        return routing.rules();
    }

    @PutMapping("/api/v1/complaint-routing/{category}")
    @Operation(summary = "Set a category's routing rule (administrator); applies to complaints filed afterwards")
    RoutingRule setRouting(@PathVariable String category, @RequestBody RoutingRequest body,
                           @AuthenticationPrincipal CurrentActor me) {
        return routing.setRule(category, body == null ? null : body.target(), body == null ? null : body.agencyCode(),
                me);
    }
}
