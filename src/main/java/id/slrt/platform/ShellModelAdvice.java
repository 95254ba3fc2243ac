package id.slrt.platform;

import id.slrt.shared.CurrentActor;
import java.util.Comparator;
import java.util.List;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the current user, the navigation for their role, the language. */
@ControllerAdvice
class ShellModelAdvice {
    private final List<NavItem> navItems;

    ShellModelAdvice(List<NavItem> navItems) {
        this.navItems = navItems.stream().sorted(Comparator.comparingInt(NavItem::order)).toList();
    }

    @ModelAttribute("me")
    CurrentActor me() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof CurrentActor actor ? actor : null;
    }

    @ModelAttribute("nav")
    List<NavItem> nav() {
        CurrentActor me = me();
        if (me == null) {
            return List.of();
        }
        return navItems.stream().filter(item -> item.parent() == null && item.roles().contains(me.role())).toList();
    }

    /** The entries under each top-level entry (by its label key), for the current user's role. */
    @ModelAttribute("navChildren")
    java.util.Map<String, List<NavItem>> navChildren() {
        CurrentActor me = me();
        if (me == null) {
            return java.util.Map.of();
        }
        return navItems.stream().filter(item -> item.parent() != null && item.roles().contains(me.role()))
                .collect(java.util.stream.Collectors.groupingBy(NavItem::parent, java.util.LinkedHashMap::new,
                        java.util.stream.Collectors.toList()));
    }

    @ModelAttribute("lang")
    String lang() {
        return LocaleContextHolder.getLocale().getLanguage();
    }
}
