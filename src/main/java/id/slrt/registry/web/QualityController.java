package id.slrt.registry.web;

import id.slrt.platform.Paged;
import id.slrt.region.RegionPicker;
import id.slrt.region.RegionService;
import id.slrt.registry.IssueMessages;
import id.slrt.registry.QualityCount;
import id.slrt.registry.QualityItem;
import id.slrt.registry.RegistryService;
import id.slrt.shared.CurrentActor;
import java.util.TreeSet;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The data-quality worklist: per desa, what is wrong or unconfirmed, each one click from its fix. */
@Controller
class QualityController {
    private final RegistryService registry;
    private final IssueMessages messages;
    private final RegionService regions;
    private final RegionPicker picker;

    QualityController(RegistryService registry, IssueMessages messages, RegionService regions, RegionPicker picker) {
        this.registry = registry;
        this.messages = messages;
        this.regions = regions;
        this.picker = picker;
    }

    record Row(QualityItem item, String message) {
    }

    @GetMapping("/quality")
    String worklist(@AuthenticationPrincipal CurrentActor me, @RequestParam(required = false) String region,
                    @RequestParam(required = false) String code, @RequestParam(defaultValue = "0") int page,
                    @RequestParam(required = false) Integer size, Model model) {
        String scope = me.regionScope();
        String chosen = region != null && region.startsWith(scope) ? region : scope;
        model.addAttribute("desaCounts", registry.qualityByDesa(chosen));
        model.addAttribute("codes", new TreeSet<>(registry.qualityCounts(chosen).stream().map(QualityCount::code).toList()));
        Paged<QualityItem> items = registry.worklist(chosen, code, Math.max(0, page), Paged.size(size));
        model.addAttribute("result", items);
        model.addAttribute("rows", items.items().stream().map(i -> new Row(i, messages.message(registry.forViewer(i.issue())))).toList());
        model.addAttribute("region", chosen);
        model.addAttribute("code", code);
        model.addAttribute("picker", picker.build("region", scope, 4, chosen));
        model.addAttribute("regions", regions);
        return "registry/quality";
    }
}
