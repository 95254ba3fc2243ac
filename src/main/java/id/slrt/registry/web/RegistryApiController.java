package id.slrt.registry.web;

import id.slrt.platform.ApiProblemHandler;
import id.slrt.platform.Paged;
import id.slrt.platform.ProblemException;
import id.slrt.registry.HistoryEntry;
import id.slrt.registry.Household;
import id.slrt.registry.HouseholdFilter;
import id.slrt.registry.HouseholdForm;
import id.slrt.registry.HouseholdRow;
import id.slrt.registry.Issue;
import id.slrt.registry.IssueMessages;
import id.slrt.registry.Member;
import id.slrt.registry.PersonHit;
import id.slrt.registry.RegistryProblem;
import id.slrt.registry.RegistryService;
import id.slrt.registry.StaleEdit;
import id.slrt.shared.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Households and members over the API, scoped to the caller's region like everything else. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Registry", description = "Households (KK) and members (NIK), search")
class RegistryApiController {
    private final RegistryService registry;
    private final IssueMessages messages;
    private final ApiProblemHandler problems;

    RegistryApiController(RegistryService registry, IssueMessages messages, ApiProblemHandler problems) {
        this.registry = registry;
        this.messages = messages;
        this.problems = problems;
    }

    record HouseholdView(Household household, List<Member> members, List<Map<String, Object>> openIssues,
                         List<id.slrt.registry.Attachment> ppks, List<id.slrt.registry.Attachment> programs,
                         List<id.slrt.registry.BankAccount> bankAccounts) {
    }

    record StatusRequest(String status, LocalDate date, String reason, Integer version) {
    }

    @GetMapping("/households")
    @Operation(summary = "Households: by exact No. KK (kk=), or a filtered, paged list")
    Object households(@RequestParam(required = false) String kk, @RequestParam(required = false) String region,
                      @RequestParam(required = false) String ppks, @RequestParam(required = false) String program,
                      @RequestParam(required = false) String quality, @RequestParam(required = false) String status,
                      @RequestParam(defaultValue = "updated") String sort, @RequestParam(defaultValue = "true") boolean desc,
                      @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size) {
        if (kk != null) {
            return registry.householdsByKk(kk.strip());
        }
        Paged<HouseholdRow> rows = registry.list(new HouseholdFilter(region, ppks, program, quality, status, sort, desc),
                Math.max(0, page), Paged.size(size));
        return rows;
    }

    @GetMapping("/households/{id}")
    @Operation(summary = "One household with its members and open data-quality issues; 404 outside your scope")
    HouseholdView household(@PathVariable UUID id) {
        RegistryService.Detail d = registry.open(id).orElseThrow(() -> ProblemException.notFound("registry.not-found"));
        return view(d);
    }

    @GetMapping("/households/{id}/history")
    @Operation(summary = "Field-by-field history of a household and its members, newest first")
    List<HistoryEntry> history(@PathVariable UUID id) {
        registry.find(id).orElseThrow(() -> ProblemException.notFound("registry.not-found"));
        return registry.history(id);
    }

    @PostMapping("/households")
    @Operation(summary = "Register a household with its members; warnings need acceptWarnings and warningReason")
    ResponseEntity<HouseholdView> create(@RequestBody HouseholdForm form, @AuthenticationPrincipal CurrentActor me) {
        Household h = registry.create(form, me);
        return ResponseEntity.created(URI.create("/api/v1/households/" + h.id())).body(view(registry.find(h.id()).orElseThrow()));
    }

    @PutMapping("/households/{id}")
    @Operation(summary = "Change a household and its members; send the versions you read (409 when stale)")
    HouseholdView update(@PathVariable UUID id, @RequestBody HouseholdForm form, @AuthenticationPrincipal CurrentActor me) {
        registry.update(id, form, me);
        return view(registry.find(id).orElseThrow());
    }

    @GetMapping("/members/{id}")
    @Operation(summary = "One member; 404 outside your scope (reading is audited)")
    Member member(@PathVariable UUID id) {
        UUID household = registry.householdOfMember(id).orElseThrow(() -> ProblemException.notFound("registry.not-found"));
        return registry.open(household).orElseThrow().members().stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow();
    }

    @PostMapping("/members/{id}/status")
    @Operation(summary = "A member died, moved out or is a duplicate (never deleted)")
    Member memberStatus(@PathVariable UUID id, @RequestBody StatusRequest request, @AuthenticationPrincipal CurrentActor me) {
        registry.changeMemberStatus(id, request.version() == null ? -1 : request.version(), request.status(),
                request.date(), request.reason(), me);
        return registry.find(registryHousehold(id)).orElseThrow().members().stream()
                .filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    record PpksRequest(UUID memberId, String category, LocalDate since, String note) {
    }

    record ProgramRequest(UUID memberId, String program, LocalDate since) {
    }

    record EndRequest(LocalDate date, String status) {
    }

    @PostMapping("/households/{id}/ppks")
    @Operation(summary = "Record a PPKS condition of the household (no memberId) or of a member")
    HouseholdView addPpks(@PathVariable UUID id, @RequestBody PpksRequest r, @AuthenticationPrincipal CurrentActor me) {
        registry.addPpks(id, r.memberId(), r.category(), r.since(), r.note(), me);
        return view(registry.find(id).orElseThrow());
    }

    @PostMapping("/households/{id}/ppks/{ppksId}/end")
    @Operation(summary = "End a PPKS condition on a date (kept in history, never deleted)")
    HouseholdView endPpks(@PathVariable UUID id, @PathVariable UUID ppksId, @RequestBody EndRequest r,
                          @AuthenticationPrincipal CurrentActor me) {
        registry.endPpks(id, ppksId, r.date(), me);
        return view(registry.find(id).orElseThrow());
    }

    @PostMapping("/households/{id}/programs")
    @Operation(summary = "Record that the household (no memberId) or a member receives a program")
    HouseholdView addProgram(@PathVariable UUID id, @RequestBody ProgramRequest r, @AuthenticationPrincipal CurrentActor me) {
        registry.addProgram(id, r.memberId(), r.program(), r.since(), me);
        return view(registry.find(id).orElseThrow());
    }

    @PostMapping("/households/{id}/programs/{participationId}/end")
    @Operation(summary = "End or suspend a program participation on a date (status ENDED or SUSPENDED)")
    HouseholdView endProgram(@PathVariable UUID id, @PathVariable UUID participationId, @RequestBody EndRequest r,
                             @AuthenticationPrincipal CurrentActor me) {
        registry.endProgram(id, participationId, r.status() == null ? "ENDED" : r.status(), r.date(), me);
        return view(registry.find(id).orElseThrow());
    }

    @GetMapping("/people")
    @Operation(summary = "People with exactly this NIK (audited)")
    List<PersonHit> people(@RequestParam String nik) {
        return registry.peopleByNik(nik.strip());
    }

    @GetMapping("/search")
    @Operation(summary = "One search box: NIK or No. KK exactly, or a name tolerant of typos and old spellings")
    List<PersonHit> search(@RequestParam String q, @RequestParam(required = false) Integer birthYear,
                           @RequestParam(required = false) String region, @RequestParam(defaultValue = "20") int limit) {
        return registry.search(q, birthYear, region, limit);
    }

    @ExceptionHandler(RegistryProblem.class)
    ResponseEntity<ProblemDetail> invalid(RegistryProblem e, HttpServletRequest request) {
        ProblemDetail pd = problems.build(HttpStatus.BAD_REQUEST, "validation",
                problems.text(e.onlyWarnings() ? "registry.warnings-need-reason" : "problem.validation"), issues(e.result().errors()),
                request.getRequestURI());
        pd.setProperty("warnings", issues(e.result().warnings()));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }

    @ExceptionHandler(StaleEdit.class)
    ResponseEntity<ProblemDetail> stale(StaleEdit e, HttpServletRequest request) {
        ProblemDetail pd = problems.build(HttpStatus.CONFLICT, "conflict", problems.text("registry.conflict"), List.of(),
                request.getRequestURI());
        pd.setProperty("currentVersion", e.current().version());
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }

    @ExceptionHandler(RegistryService.NotFound.class)
    ResponseEntity<ProblemDetail> notFound(RegistryService.NotFound e, HttpServletRequest request) {
        ProblemDetail pd = problems.build(HttpStatus.NOT_FOUND, "not-found", problems.text("registry.not-found"), List.of(),
                request.getRequestURI());
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }

    private UUID registryHousehold(UUID memberId) {
        return registry.householdOfMember(memberId).orElseThrow(() -> new RegistryService.NotFound(memberId));
    }

    private HouseholdView view(RegistryService.Detail d) {
        List<Map<String, Object>> issues = d.issues().stream().map(i -> Map.<String, Object>of(
                "code", i.code(), "severity", i.severity(), "field", i.field() == null ? "" : i.field(),
                "memberId", i.memberId() == null ? "" : i.memberId().toString())).toList();
        return new HouseholdView(d.household(), d.members(), issues, d.ppks(), d.programs(), d.bankAccounts());
    }

    private List<Map<String, Object>> issues(List<Issue> list) {
        return list.stream().map(i -> Map.<String, Object>of("field", i.field() == null ? "" : i.field(),
                "code", i.code(), "message", messages.message(i))).toList();
    }
}
