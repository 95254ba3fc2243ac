package id.slrt.report.web;

import id.slrt.access.SlrtUser;
import id.slrt.report.OperatorMonitoring;
import id.slrt.report.OperatorMonitoring.Report;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operator monitoring of pemutakhiran over the API: the same figures as the page. */
@RestController
@Tag(name = "Pemutakhiran", description = "Change requests: draft, submit, verify or return, apply or reject")
class MonitoringApiController {
    private final OperatorMonitoring monitoring;

    MonitoringApiController(OperatorMonitoring monitoring) {
        this.monitoring = monitoring;
    }

    @GetMapping("/api/v1/updating/monitoring")
    @Operation(summary = "Operator monitoring: per desa and per operator the steps of the last `days` days "
            + "(default 30), return rate, last activity, and operators inactive for slrt.updating.inactive-days; "
            + "`region` narrows your scope (e.g. a kecamatan)")
    Report monitoring(@AuthenticationPrincipal SlrtUser me, @RequestParam(required = false) String region,
                      @RequestParam(required = false) Integer days,
                      @RequestParam(required = false) String desaSort,
                      @RequestParam(required = false) String operatorSort) {
        return monitoring.report(me, region, days, desaSort, operatorSort);
    }
}
