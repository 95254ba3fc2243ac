package id.slrt.report.web;

import id.slrt.access.Role;
import id.slrt.access.SlrtUser;
import id.slrt.access.UserAccount;
import id.slrt.access.UserFilter;
import id.slrt.access.UserService;
import id.slrt.region.Region;
import id.slrt.region.RegionService;
import id.slrt.registry.QualityDesa;
import id.slrt.registry.RegistryService;
import id.slrt.report.ComplaintOversight;
import id.slrt.report.OperatorMonitoring;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page of each role: where the user works (their desa, kecamatan or the district) and the
 * activity of the users below them. What they see is limited by their region scope.
 */
@Controller
class HomeController {
    private final RegionService regions;
    private final UserService users;
    private final RegistryService registry;
    private final OperatorMonitoring monitoring;
    private final ComplaintOversight oversight;

    HomeController(RegionService regions, UserService users, RegistryService registry, OperatorMonitoring monitoring,
                   ComplaintOversight oversight) {
        this.regions = regions;
        this.users = users;
        this.registry = registry;
        this.monitoring = monitoring;
        this.oversight = oversight;
    }

    /** The home card of those who watch operators: how many took no step for the configured days. */
    record InactiveSummary(long count, int days) {
    }

    /** Open data-quality findings under the user's scope. */
    record QualitySummary(long errors, long warnings) {
    }

    /** A region with the staff working in it (visible to the viewer). */
    record AreaActivity(Region region, List<UserAccount> staff) {
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal SlrtUser me, Model model) {
        Region workplace = regions.find(me.regionScope()).orElse(regions.district());
        model.addAttribute("workplace", workplace);
        model.addAttribute("ancestors", regions.ancestors(workplace.code()));
        Role role = me.roleEnum();
        model.addAttribute("role", role);
        if (role != Role.OPERATOR_DESA && role != Role.MITRA) {
            List<UserAccount> visible = users.list(new UserFilter(null, null, null, "region", false), 0, 200).items();
            model.addAttribute("areas", activityByChild(workplace, visible));
        }
        if (role != Role.MITRA) {
            List<QualityDesa> byDesa = registry.qualityByDesa(me.regionScope());
            model.addAttribute("quality", new QualitySummary(byDesa.stream().mapToLong(QualityDesa::errors).sum(),
                    byDesa.stream().mapToLong(QualityDesa::warnings).sum()));
        }
        if (role == Role.SUPERVISOR || role == Role.MANAGER || role == Role.OPERATOR_SLRT) {
            model.addAttribute("inactive", new InactiveSummary(monitoring.inactiveCount(me), monitoring.inactiveDays()));
            model.addAttribute("complaintTotals", oversight.backlog());
        }
        if (role == Role.ADMIN) {
            Map<Role, Long> counts = users.countActiveByRole();
            model.addAttribute("roleCounts", counts);
        }
        return "report/home";
    }

    /** Staff grouped by the child regions of the workplace (kecamatan of a district, desa of a kecamatan). */
    private List<AreaActivity> activityByChild(Region workplace, List<UserAccount> visible) {
        Map<String, List<UserAccount>> byChild = new LinkedHashMap<>();
        for (Region child : regions.children(workplace.code())) {
            byChild.put(child.code(), new ArrayList<>());
        }
        for (UserAccount u : visible) {
            byChild.entrySet().stream()
                    .filter(e -> u.regionCode().startsWith(e.getKey()))
                    .findFirst()
                    .ifPresent(e -> e.getValue().add(u));
        }
        List<AreaActivity> result = new ArrayList<>();
        for (Map.Entry<String, List<UserAccount>> e : byChild.entrySet()) {
            result.add(new AreaActivity(regions.find(e.getKey()).orElseThrow(), e.getValue()));
        }
        return result;
    }
}
