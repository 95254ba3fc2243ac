package id.slrt.referral.web;

import id.slrt.platform.ProblemException;
import id.slrt.platform.Texts;
import id.slrt.referral.Agencies;
import id.slrt.referral.PartnerAgency;
import id.slrt.shared.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's page and API of partner agencies and program units. */
@Controller
@Tag(name = "Lembaga mitra", description = "Partner agencies and program units referrals go to")
class AgencyAdminController {
    private final Agencies agencies;
    private final Texts texts;

    AgencyAdminController(Agencies agencies, Texts texts) {
        this.agencies = agencies;
        this.texts = texts;
    }

    /** The form of one agency; {@code active} is a checkbox (absent = false). */
    record AgencyForm(String code, String name, String kind, String email, String phone, Integer acceptDays,
                      Integer completeDays, boolean active, Integer version) {
        PartnerAgency agency() {
            return new PartnerAgency(code, name, kind, email, phone, acceptDays == null ? -1 : acceptDays,
                    completeDays == null ? -1 : completeDays, active, version == null ? 0 : version);
        }
    }

    @GetMapping("/admin/agencies")
    String list(@RequestParam(required = false) String edit, Model model) {
        PartnerAgency editing = edit == null ? null : agencies.find(edit).orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        fill(model, editing == null ? new AgencyForm(null, null, "OTHER", null, null, 3, 14, true, null)
                : new AgencyForm(editing.code(), editing.name(), editing.kind(), editing.email(), editing.phone(),
                editing.acceptDays(), editing.completeDays(), editing.active(), editing.version()),
                editing != null, Map.of());
        return "referral/agencies";
    }

    @PostMapping("/admin/agencies")
    String save(@ModelAttribute AgencyForm form, @RequestParam(defaultValue = "false") boolean existing,
                @AuthenticationPrincipal CurrentActor me, Model model, RedirectAttributes flash) {
        try {
            PartnerAgency saved = existing ? agencies.update(form.code(), form.agency(), form.version(), me)
                    : agencies.create(form.agency(), me);
            flash.addFlashAttribute("success", texts.get("referral.agency.saved", saved.name()));
            return "redirect:/admin/agencies";
        } catch (ProblemException e) {
            Map<String, String> errors = texts.fieldErrors(e);
            if (errors.isEmpty()) {
                model.addAttribute("failure", texts.get(e.messageCode(), e.args()));
            }
            fill(model, form, existing, errors);
            return "referral/agencies";
        }
    }

    private void fill(Model model, AgencyForm form, boolean existing, Map<String, String> errors) {
        model.addAttribute("agencies", agencies.all());
        model.addAttribute("form", form);
        model.addAttribute("existing", existing);
        model.addAttribute("kinds", PartnerAgency.KINDS);
        model.addAttribute("errors", errors);
    }

    // --- API -----------------------------------------------------------------------------------

    @GetMapping("/api/v1/agencies")
    @ResponseBody
    @Operation(summary = "Partner agencies and program units (codes, names, service levels)")
    List<PartnerAgency> all() {
        return agencies.all();
    }

    @PostMapping("/api/v1/agencies")
    @ResponseBody
    @Operation(summary = "Add a partner agency (administrator)")
    PartnerAgency create(@RequestBody AgencyForm body, @AuthenticationPrincipal CurrentActor me) {
        return agencies.create(body.agency(), me);
    }

    @PutMapping("/api/v1/agencies/{code}")
    @ResponseBody
    @Operation(summary = "Change a partner agency (administrator; version guards against a stale edit)")
    PartnerAgency update(@PathVariable String code, @RequestBody AgencyForm body,
                         @AuthenticationPrincipal CurrentActor me) {
        return agencies.update(code, body.agency(), body.version(), me);
    }
}
