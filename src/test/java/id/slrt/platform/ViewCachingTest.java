package id.slrt.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.support.IntegrationTest;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.servlet.view.RedirectView;

@IntegrationTest
class ViewCachingTest {
    @Autowired
    @Qualifier("thymeleafViewResolver")
    ViewResolver thymeleaf;

    @Test
    void redirectsAreMadeEachTimeWhilePageViewsStayCached() throws Exception {
        View first = thymeleaf.resolveViewName("redirect:/pengaduan/tanda-terima?code=SLRT-AAAAA-BBBBB", Locale.ROOT);
        View again = thymeleaf.resolveViewName("redirect:/pengaduan/tanda-terima?code=SLRT-AAAAA-BBBBB", Locale.ROOT);
        assertThat(first).isInstanceOf(RedirectView.class);
        assertThat(again).isNotSameAs(first);

        View page = thymeleaf.resolveViewName("complaint/public-form", Locale.ROOT);
        assertThat(thymeleaf.resolveViewName("complaint/public-form", Locale.ROOT)).isSameAs(page);
    }
}
