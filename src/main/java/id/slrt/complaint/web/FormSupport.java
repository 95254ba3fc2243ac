package id.slrt.complaint.web;

import id.slrt.complaint.ComplaintCategory;
import id.slrt.complaint.ComplaintType;
import id.slrt.complaint.Filing;
import id.slrt.platform.FileStore;
import id.slrt.platform.ProblemException;
import id.slrt.platform.Texts;
import id.slrt.region.RegionPicker;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the complaint form needs on both doors (public and operator): choices, the desa picker, errors. */
@Component
class FormSupport {
    private final RegionPicker picker;
    private final Texts texts;
    private final FileStore files;

    FormSupport(RegionPicker picker, Texts texts, FileStore files) {
        this.picker = picker;
        this.texts = texts;
        this.files = files;
    }

    void fill(Model model, Filing form, String root, Map<String, String> errors) {
        model.addAttribute("form", form);
        model.addAttribute("picker", picker.build("regionCode", root, 4, form.regionCode()));
        model.addAttribute("categories", ComplaintCategory.values());
        model.addAttribute("types", ComplaintType.values());
        model.addAttribute("errors", errors);
        model.addAttribute("hasErrors", !errors.isEmpty());
        model.addAttribute("maxFiles", Attachments.MAX_FILES);
        model.addAttribute("maxSize", files.maxSize() / (1024 * 1024));
    }

    Map<String, String> messages(List<ProblemException.FieldError> errors) {
        Map<String, String> map = new LinkedHashMap<>();
        errors.forEach(e -> map.putIfAbsent(e.field(), texts.get(e.code(), e.args())));
        return map;
    }
}
