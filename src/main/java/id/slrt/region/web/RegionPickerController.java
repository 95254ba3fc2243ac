package id.slrt.region.web;

import id.slrt.region.RegionPicker;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Renders the cascading region picker fragment for htmx. */
@Controller
class RegionPickerController {
    private final RegionPicker picker;

    RegionPickerController(RegionPicker picker) {
        this.picker = picker;
    }

    @GetMapping("/regions/picker")
    String picker(@RequestParam String field, @RequestParam String root,
                  @RequestParam(defaultValue = "4") int depth,
                  @RequestParam(required = false) String code, Model model) {
        model.addAttribute("picker", picker.build(field, root, Math.min(Math.max(depth, 1), 4), code));
        return "region/picker :: picker";
    }
}
