package id.slrt.program.web;

import id.slrt.platform.Paged;
import id.slrt.platform.ProblemException;
import id.slrt.platform.Texts;
import id.slrt.program.Benefit;
import id.slrt.program.Program;
import id.slrt.program.ProgramCatalogue;
import id.slrt.program.ProgramFilter;
import id.slrt.program.ProgramForm;
import id.slrt.program.Sector;
import id.slrt.shared.CurrentActor;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators keep the program catalogue: a list and one edit form per program. */
@Controller
@RequestMapping("/admin/programs")
class ProgramAdminController {
    /** Empty benefit rows offered under the existing ones, so a benefit can be added without JavaScript. */
    static final int SPARE_BENEFIT_ROWS = 2;

    private final ProgramCatalogue catalogue;
    private final Texts texts;

    ProgramAdminController(ProgramCatalogue catalogue, Texts texts) {
        this.catalogue = catalogue;
        this.texts = texts;
    }

    @ModelAttribute("sectors")
    Sector[] sectors() {
        return Sector.values();
    }

    @ModelAttribute("scopes")
    Program.Scope[] scopes() {
        return Program.Scope.values();
    }

    @ModelAttribute("pers")
    Benefit.Per[] pers() {
        return Benefit.Per.values();
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String sector,
                @RequestParam(defaultValue = "name") String sort, @RequestParam(defaultValue = "false") boolean desc,
                @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size, Model model) {
        ProgramFilter filter = new ProgramFilter(q, Set.of(), Sector.parse(sector), true, sort, desc);
        model.addAttribute("filter", filter);
        model.addAttribute("result", catalogue.list(filter, Math.max(page, 0), Paged.size(size)));
        model.addAttribute("today", catalogue.today());
        return "program/admin-list";
    }

    @GetMapping("/{code}")
    String editForm(@PathVariable String code, Model model) {
        Program program = program(code);
        return form(model, program, Row.of(ProgramForm.of(program)));
    }

    @PostMapping("/{code}")
    String update(@PathVariable String code, @RequestParam MultiValueMap<String, String> params,
                  @AuthenticationPrincipal CurrentActor me, Model model, RedirectAttributes flash) {
        Program program = program(code);
        Row row = Row.from(params);
        try {
            catalogue.update(code, row.toForm(), me);
            flash.addFlashAttribute("success", texts.get("program.saved", program.name()));
            return "redirect:/admin/programs/" + code;
        } catch (ProblemException e) {
            if (e.status() == HttpStatus.CONFLICT) {
                Program current = program(code);
                model.addAttribute("conflict", texts.get(e.messageCode()));
                model.addAttribute("current", current);
                model.addAttribute("differences", differences(row, Row.of(ProgramForm.of(current))));
                row = row.withVersion(current.version());
            }
            model.addAttribute("errors", texts.fieldErrors(e));
            return form(model, program, row);
        }
    }

    private Program program(String code) {
        return catalogue.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String form(Model model, Program program, Row row) {
        model.addAttribute("program", program);
        model.addAttribute("form", row.withSpareBenefits(SPARE_BENEFIT_ROWS));
        return "program/admin-form";
    }

    /** A field whose value differs between the refused edit and the current version. */
    record Difference(String labelKey, String mine, String current) {
    }

    private static List<Difference> differences(Row mine, Row current) {
        List<Difference> out = new ArrayList<>();
        Map<String, String> a = mine.asTexts();
        Map<String, String> b = current.asTexts();
        for (String field : a.keySet()) {
            if (!Objects.equals(a.get(field), b.get(field))) {
                out.add(new Difference("program.field." + field, a.get(field), b.get(field)));
            }
        }
        return out;
    }

    /** A benefit row as typed: text, so that a wrong amount comes back to the form as typed. */
    record BenefitRow(String label, String amount, String per, String validFrom, boolean verified) {
        static BenefitRow of(Benefit b) {
            return new BenefitRow(b.label(), b.amountRp() == null ? "" : String.valueOf(b.amountRp()),
                    b.per() == null ? "" : b.per().name(), b.validFrom() == null ? "" : b.validFrom().toString(),
                    b.verified());
        }

        boolean blank() {
            return isBlank(label) && isBlank(amount) && isBlank(validFrom);
        }
    }

    /** The form as typed. {@code documents} is one document per line. */
    record Row(String name, String purpose, String audience, List<BenefitRow> benefits, String benefitNote,
               String documents, String howToApply, String whereToApply, String contact, String scope, String sector,
               String activeFrom, String activeUntil, boolean published, Integer version) {

        static Row of(ProgramForm f) {
            return new Row(f.name(), f.purpose(), f.audience(), f.benefits().stream().map(BenefitRow::of).toList(),
                    f.benefitNote(), String.join("\n", f.documents()), f.howToApply(), f.whereToApply(), f.contact(),
                    f.scope().name(), f.sector().name(), text(f.activeFrom()), text(f.activeUntil()),
                    Boolean.TRUE.equals(f.published()), f.version());
        }

        static Row from(MultiValueMap<String, String> p) {
            List<BenefitRow> benefits = new ArrayList<>();
            for (int i = 0; p.containsKey("benefit[" + i + "].label"); i++) {
                String at = "benefit[" + i + "].";
                BenefitRow b = new BenefitRow(p.getFirst(at + "label"), p.getFirst(at + "amount"), p.getFirst(at + "per"),
                        p.getFirst(at + "validFrom"), p.containsKey(at + "verified"));
                benefits.add(b);
            }
            String version = p.getFirst("version");
            return new Row(p.getFirst("name"), p.getFirst("purpose"), p.getFirst("audience"), benefits,
                    p.getFirst("benefitNote"), p.getFirst("documents"), p.getFirst("howToApply"),
                    p.getFirst("whereToApply"), p.getFirst("contact"), p.getFirst("scope"), p.getFirst("sector"),
                    p.getFirst("activeFrom"), p.getFirst("activeUntil"), p.containsKey("published"),
                    version == null || !version.matches("\\d{1,9}") ? null : Integer.valueOf(version));
        }

        /** The catalogue's form; a value that cannot be read is refused here with the field it belongs to. */
        ProgramForm toForm() {
            List<ProblemException.FieldError> errors = new ArrayList<>();
            List<Benefit> list = new ArrayList<>();
            List<BenefitRow> kept = benefits.stream().filter(b -> !b.blank()).toList();
            for (int i = 0; i < kept.size(); i++) {
                BenefitRow b = kept.get(i);
                Long amount = null;
                if (!isBlank(b.amount())) {
                    String digits = b.amount().replaceAll("[\\s.,]", "").replaceFirst("^(?i)rp", "");
                    if (digits.matches("\\d{1,15}")) {
                        amount = Long.valueOf(digits);
                    } else {
                        errors.add(new ProblemException.FieldError("benefits[" + i + "].amountRp", "program.amount-invalid"));
                    }
                }
                list.add(new Benefit(b.label(), amount, isBlank(b.per()) ? null : parsePer(b.per()),
                        date(b.validFrom(), "benefits[" + i + "].validFrom", errors), b.verified()));
            }
            LocalDate from = date(activeFrom, "activeFrom", errors);
            LocalDate until = date(activeUntil, "activeUntil", errors);
            if (!errors.isEmpty()) {
                throw ProblemException.invalid(errors);
            }
            List<String> docs = documents == null ? List.of() : Arrays.stream(documents.split("\\R")).toList();
            return new ProgramForm(name, purpose, audience, list, benefitNote, docs, howToApply, whereToApply, contact,
                    parseScope(scope), Sector.parse(sector), from, until, published, version);
        }

        Row withVersion(int v) {
            return new Row(name, purpose, audience, benefits, benefitNote, documents, howToApply, whereToApply, contact,
                    scope, sector, activeFrom, activeUntil, published, v);
        }

        Row withSpareBenefits(int spare) {
            List<BenefitRow> rows = new ArrayList<>(benefits.stream().filter(b -> !b.blank()).toList());
            for (int i = 0; i < spare; i++) {
                rows.add(new BenefitRow("", "", "", "", false));
            }
            return new Row(name, purpose, audience, rows, benefitNote, documents, howToApply, whereToApply, contact,
                    scope, sector, activeFrom, activeUntil, published, version);
        }

        Map<String, String> asTexts() {
            Map<String, String> m = new java.util.LinkedHashMap<>();
            m.put("name", trim(name));
            m.put("purpose", trim(purpose));
            m.put("audience", trim(audience));
            m.put("benefits", String.join("\n", benefits.stream().filter(b -> !b.blank())
                    .map(b -> trim(b.label()) + " · " + trim(b.amount()) + " · " + trim(b.per()) + " · "
                            + trim(b.validFrom())).toList()));
            m.put("benefitNote", trim(benefitNote));
            m.put("documents", documents == null ? "" : String.join("\n", Arrays.stream(documents.split("\\R"))
                    .map(String::trim).filter(d -> !d.isEmpty()).toList()));
            m.put("howToApply", trim(howToApply));
            m.put("whereToApply", trim(whereToApply));
            m.put("contact", trim(contact));
            m.put("scope", trim(scope));
            m.put("sector", trim(sector));
            m.put("activeFrom", trim(activeFrom));
            m.put("activeUntil", trim(activeUntil));
            m.put("published", String.valueOf(published));
            return m;
        }

        private static Benefit.Per parsePer(String s) {
            try {
                return Benefit.Per.valueOf(s.trim());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        private static Program.Scope parseScope(String s) {
            try {
                return s == null ? null : Program.Scope.valueOf(s.trim());
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        private static LocalDate date(String s, String field, List<ProblemException.FieldError> errors) {
            if (isBlank(s)) {
                return null;
            }
            try {
                return LocalDate.parse(s.trim());
            } catch (DateTimeParseException e) {
                errors.add(new ProblemException.FieldError(field, "program.date-invalid"));
                return null;
            }
        }

        private static String text(LocalDate d) {
            return d == null ? "" : d.toString();
        }

        private static String trim(String s) {
            return s == null ? "" : s.trim();
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
