package id.slrt.registry.web;

import id.slrt.region.RegionService;
import id.slrt.registry.RegistryService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The one search box: NIK, No. KK or a name. */
@Controller
class SearchController {
    private final RegistryService registry;
    private final RegionService regions;

    SearchController(RegistryService registry, RegionService regions) {
        this.registry = registry;
        this.regions = regions;
    }

    @GetMapping("/search")
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) Integer birthYear,
                  @RequestParam(required = false) String region, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("birthYear", birthYear);
        model.addAttribute("hits", registry.search(q, birthYear, region, 50));
        model.addAttribute("regions", regions);
        return "registry/search";
    }
}
