package id.slrt.platform;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Message texts in the request's language (Indonesian by default), and in both languages for logs. */
@Component
public class Texts {
    public static final Locale INDONESIAN = Locale.forLanguageTag("id");

    private final MessageSource messages;

    Texts(MessageSource messages) {
        this.messages = messages;
    }

    public String get(String code, Object... args) {
        return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
    }

    /** Field name to message, in the request's language, for showing a problem inline in a form. */
    public Map<String, String> fieldErrors(ProblemException e) {
        Map<String, String> map = new LinkedHashMap<>();
        for (ProblemException.FieldError fe : e.fieldErrors()) {
            map.putIfAbsent(fe.field(), get(fe.code(), fe.args()));
        }
        return map;
    }

    public String get(Locale locale, String code, Object... args) {
        return messages.getMessage(code, args, code, locale);
    }
}
