package id.slrt.exchange.web;

import id.slrt.exchange.ExportService;
import id.slrt.shared.CurrentActor;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The download links of the household list page: the list's current filters, as a file. */
@Controller
class ExportController {
    private final ExportService exports;

    ExportController(ExportService exports) {
        this.exports = exports;
    }

    @GetMapping("/exports/households")
    void households(@RequestParam(required = false) String format, @RequestParam(required = false) String layout,
                    @RequestParam(required = false) String region, @RequestParam(required = false) String ppks,
                    @RequestParam(required = false) String program, @RequestParam(required = false) String quality,
                    @RequestParam(required = false) String status, @AuthenticationPrincipal CurrentActor me,
                    HttpServletResponse response) throws IOException {
        ExportApiController.send(exports, new ExportApiController.Request(format, layout, region, ppks, program,
                quality, status), me, response);
    }
}
