package id.slrt.report.web;

import id.slrt.report.ComplaintOversight;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Oversight of complaints and referrals as JSON (issue 6, item 6): counts only, in the caller's scope. */
@RestController
class OversightApiController {
    private final ComplaintOversight oversight;

    OversightApiController(ComplaintOversight oversight) {
        this.oversight = oversight;
    }

    @GetMapping("/api/v1/reports/complaints")
    @Operation(summary = "Complaint and referral oversight: per category and partner agency, the backlog today and"
            + " the period's filed/resolved counts with the median days to resolve (default: the last 90 days)")
    ComplaintOversight.Figures api(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return oversight.figures(from, to);
    }

}
