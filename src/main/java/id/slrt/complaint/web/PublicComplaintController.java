package id.slrt.complaint.web;

import id.slrt.complaint.ComplaintService;
import id.slrt.complaint.Filing;
import id.slrt.complaint.PublicStatus;
import id.slrt.complaint.TrackingCodes;
import id.slrt.complaint.web.PublicLimits.Door;
import id.slrt.platform.ProblemException;
import id.slrt.platform.Scopes;
import id.slrt.platform.StoredFile;
import id.slrt.platform.Texts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The citizen's doors, without an account: the complaint form, the receipt of what this browser session
 * filed, and the status by tracking code. These pages live in the complaint module rather than a separate
 * portal module because they are complaint use cases through and through (the form, its checks, the
 * code); a portal home can link here.
 */
@Controller
class PublicComplaintController {
    static final String FILED_CODES = "complaint.filedCodes";
    private static final String FORM_VIEW = "complaint/public-form";

    private final ComplaintService complaints;
    private final FormSupport support;
    private final Attachments attachments;
    private final PublicLimits limits;
    private final ReceiptPdf receipts;
    private final Scopes scopes;
    private final Texts texts;

    PublicComplaintController(ComplaintService complaints, FormSupport support, Attachments attachments,
                              PublicLimits limits, ReceiptPdf receipts, Scopes scopes, Texts texts) {
        this.complaints = complaints;
        this.support = support;
        this.attachments = attachments;
        this.limits = limits;
        this.receipts = receipts;
        this.scopes = scopes;
        this.texts = texts;
    }

    @GetMapping("/pengaduan")
    String form(@RequestParam(required = false) String uploadError, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (uploadError != null) {
            errors.put("files", texts.get("complaint.files.upload-too-large"));
        }
        support.fill(model, Filing.empty(), scopes.district(), errors);
        return "complaint/public-form";
    }

    @PostMapping("/pengaduan")
    ModelAndView file(@ModelAttribute Filing form, @RequestParam(name = "files", required = false) List<MultipartFile> files,
                @RequestParam(name = "website", required = false) String honeypot, HttpServletRequest request,
                HttpServletResponse response, HttpSession session, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (honeypot != null && !honeypot.isBlank()) {
            // Only a robot fills the field people cannot see: refuse without saying why.
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("failure", texts.get("complaint.public.refused"));
            support.fill(model, form, scopes.district(), errors);
            return new ModelAndView(FORM_VIEW);
        }
        if (!limits.tryAcquire(Door.FILING, request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("failure", texts.get("complaint.public.too-many"));
            support.fill(model, form, scopes.district(), errors);
            return new ModelAndView(FORM_VIEW);
        }
        errors.putAll(support.messages(complaints.check(form, scopes.district())));
        List<StoredFile> stored = errors.isEmpty() ? attachments.store(files, errors) : List.of();
        if (errors.isEmpty()) {
            try {
                String code = complaints.filePublic(form, stored).trackingCode();
                filedCodes(session).add(code);
                return receipt(code);
            } catch (ProblemException e) {
                errors.putAll(support.messages(e.fieldErrors()));
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        support.fill(model, form, scopes.district(), errors);
        return new ModelAndView(FORM_VIEW);
    }

    /**
     * The answer to a filing: the redirect to its receipt, made here rather than resolved from a
     * {@code "redirect:"} name, which makes and initialises a new view bean per filing (a busy door's
     * measurable share of CPU, issue 6 benchmark: each code is new, so it cannot be cached).
     */
    private static ModelAndView receipt(String code) {
        RedirectView view = new RedirectView("/pengaduan/tanda-terima?code=" + code, true);
        view.setExposeModelAttributes(false);
        return new ModelAndView(view);
    }

    @GetMapping("/pengaduan/tanda-terima")
    String receipt(@RequestParam String code, HttpSession session, Model model) {
        model.addAttribute("receipt", filedHere(code, session));
        return "complaint/public-receipt";
    }

    @GetMapping("/pengaduan/tanda-terima.pdf")
    ResponseEntity<byte[]> receiptPdf(@RequestParam String code, HttpSession session) {
        PublicStatus s = filedHere(code, session);
        Locale locale = LocaleContextHolder.getLocale();
        byte[] pdf = receipts.render(s, statusUrl(), locale);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + s.trackingCode() + ".pdf\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(pdf);
    }

    /** The status form; {@code code} fills it in (the link in the citizen's SMS/WhatsApp carries it). */
    @GetMapping("/pengaduan/status")
    String statusForm(@RequestParam(required = false) String code, Model model) {
        model.addAttribute("code", TrackingCodes.normalize(code).orElse(""));
        return "complaint/public-status";
    }

    @PostMapping("/pengaduan/status")
    String status(@RequestParam(required = false) String code, @RequestParam(required = false) String phone,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("code", code == null ? "" : code);
        if (!limits.tryAcquire(Door.STATUS, request.getRemoteAddr())) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("failure", texts.get("complaint.public.too-many"));
            return "complaint/public-status";
        }
        Optional<PublicStatus> found = complaints.publicStatus(code, phone);
        if (found.isEmpty()) {
            // One message for an unknown code and a wrong phone suffix: the page must not tell which.
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("failure", texts.get("complaint.public.not-found"));
        } else {
            model.addAttribute("status", found.get());
        }
        return "complaint/public-status";
    }

    /** A complaint this browser session filed; any other code is not found here (the status page is for those). */
    private PublicStatus filedHere(String code, HttpSession session) {
        if (!filedCodes(session).contains(code)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return complaints.receipt(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @SuppressWarnings("unchecked")
    private static Set<String> filedCodes(HttpSession session) {
        Object codes = session.getAttribute(FILED_CODES);
        if (codes instanceof Set<?> set) {
            return (Set<String>) set;
        }
        Set<String> fresh = java.util.Collections.synchronizedSet(new LinkedHashSet<>());
        session.setAttribute(FILED_CODES, fresh);
        return fresh;
    }

    private static String statusUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/pengaduan/status").toUriString();
    }
}
