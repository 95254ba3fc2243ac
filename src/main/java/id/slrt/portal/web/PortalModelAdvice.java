package id.slrt.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the public layout needs: language links that keep the page's own query (so switching language
 * on an answer page keeps the answers on screen). After a POST the links carry no field of the form.
 */
@ControllerAdvice(assignableTypes = {PortalController.class, PublicQuestionController.class})
class PortalModelAdvice {

    @ModelAttribute("langHref")
    Map<String, String> langHref(HttpServletRequest request) {
        List<String> kept = new ArrayList<>();
        // A posted form's fields (a question, an email) must never be copied into a link.
        Map<String, String[]> params = "GET".equals(request.getMethod()) ? request.getParameterMap() : Map.of();
        params.forEach((name, values) -> {
            if (!name.equals("lang")) {
                for (String v : values) {
                    kept.add(enc(name) + "=" + enc(v));
                }
            }
        });
        String base = request.getRequestURI() + "?" + (kept.isEmpty() ? "" : String.join("&", kept) + "&");
        return Map.of("id", base + "lang=id", "en", base + "lang=en");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
