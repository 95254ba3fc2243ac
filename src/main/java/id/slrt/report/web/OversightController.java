package id.slrt.report.web;

import id.slrt.platform.ProblemException;
import id.slrt.platform.Texts;
import id.slrt.report.ComplaintOversight;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Oversight of complaints and referrals: the page (issue 6, item 6); the API is {@link OversightApiController}. */
@Controller
class OversightController {
    private final ComplaintOversight oversight;
    private final Texts texts;

    OversightController(ComplaintOversight oversight, Texts texts) {
        this.oversight = oversight;
        this.texts = texts;
    }

    @GetMapping("/reports/complaints")
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        ComplaintOversight.Figures figures;
        try {
            figures = oversight.figures(date(from), date(to));
        } catch (ProblemException | DateTimeParseException e) {
            model.addAttribute("periodError", e instanceof ProblemException p ? texts.fieldErrors(p).get("from")
                    : texts.get("report.period.invalid"));
            figures = oversight.figures(null, null);
        }
        model.addAttribute("figures", figures);
        model.addAttribute("today", oversight.today());
        return "report/complaints";
    }

    private static LocalDate date(String value) {
        return value == null || value.isBlank() ? null : LocalDate.parse(value.trim());
    }
}
