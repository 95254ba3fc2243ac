package id.slrt.report.web;

import id.slrt.access.SlrtUser;
import id.slrt.region.Region;
import id.slrt.region.RegionService;
import id.slrt.report.OperatorMonitoring;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The operator monitoring page: a supervisor watches the desa of their kecamatan, the district (SLRT
 * operator, manager) the whole kabupaten or one kecamatan. Printable.
 */
@Controller
class MonitoringController {
    private final OperatorMonitoring monitoring;
    private final RegionService regions;

    MonitoringController(OperatorMonitoring monitoring, RegionService regions) {
        this.monitoring = monitoring;
        this.regions = regions;
    }

    @GetMapping("/updates/monitoring")
    String page(@AuthenticationPrincipal SlrtUser me, @RequestParam(required = false) String region,
                @RequestParam(required = false) Integer days, @RequestParam(required = false) String dsort,
                @RequestParam(required = false) String osort, Model model) {
        OperatorMonitoring.Report report = monitoring.report(me, region, days, dsort, osort);
        model.addAttribute("report", report);
        model.addAttribute("dsort", dsort == null ? "" : dsort);
        model.addAttribute("osort", osort == null ? "" : osort);
        model.addAttribute("desaColumns", OperatorMonitoring.DESA_SORTS);
        model.addAttribute("operatorColumns", OperatorMonitoring.OPERATOR_SORTS);
        model.addAttribute("area", regions.find(report.regionCode()).orElse(regions.district()));
        Region scope = regions.find(me.regionScope()).orElse(regions.district());
        // A district user may narrow to one kecamatan; a supervisor has one already.
        List<Region> kecamatan = scope.level() <= 2 ? regions.children(scope.code()) : List.of();
        model.addAttribute("kecamatan", kecamatan);
        model.addAttribute("scopeCode", scope.code());
        return "report/monitoring";
    }
}
