package id.slrt.exchange.web;

import id.slrt.exchange.ExportJob;
import id.slrt.exchange.ExportJobs;
import id.slrt.exchange.ExportService;
import id.slrt.shared.CurrentActor;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The download links of the household list page: the list's current filters, as a file. A small list
 * is sent at once; a large one (or {@code background=true}) becomes a background export whose page shows
 * its progress (htmx polls it) and, when done, the download link.
 */
@Controller
class ExportController {
    private final ExportService exports;
    private final ExportJobs jobs;

    ExportController(ExportService exports, ExportJobs jobs) {
        this.exports = exports;
        this.jobs = jobs;
    }

    @GetMapping("/exports/households")
    void households(@RequestParam(required = false) String format, @RequestParam(required = false) String layout,
                    @RequestParam(required = false) String region, @RequestParam(required = false) String ppks,
                    @RequestParam(required = false) String program, @RequestParam(required = false) String quality,
                    @RequestParam(required = false) String status,
                    @RequestParam(defaultValue = "false") boolean background, @AuthenticationPrincipal CurrentActor me,
                    HttpServletResponse response) throws IOException {
        ExportApiController.Request request = new ExportApiController.Request(format, layout, region, ppks, program,
                quality, status);
        request.check();
        if (background || !jobs.small(request.filter())) {
            ExportJob job = jobs.start(request.filter(), id.slrt.exchange.ExportLayout.parse(layout),
                    id.slrt.exchange.ExportFormat.parse(format), me);
            response.sendRedirect(response.encodeRedirectURL("/exports/" + job.id()));
            return;
        }
        ExportApiController.send(exports, request, me, response);
    }

    @GetMapping("/exports/{id}")
    String job(@PathVariable UUID id, @AuthenticationPrincipal CurrentActor me, Model model) {
        model.addAttribute("job", jobs.require(id, me));
        return "exchange/export";
    }

    /** The progress box alone, for polling; when the export has ended the whole page reloads. */
    @GetMapping("/exports/{id}/progress")
    String progress(@PathVariable UUID id, @AuthenticationPrincipal CurrentActor me, Model model,
                    HttpServletResponse response) {
        ExportJob job = jobs.require(id, me);
        if (job.status() != ExportJob.Status.RUNNING) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("job", job);
        return "exchange/export :: progress";
    }

    @GetMapping("/exports/{id}/file")
    void file(@PathVariable UUID id, @AuthenticationPrincipal CurrentActor me, HttpServletResponse response)
            throws IOException {
        ExportApiController.sendFile(jobs, id, me, response);
    }
}
