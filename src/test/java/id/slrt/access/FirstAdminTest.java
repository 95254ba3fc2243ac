package id.slrt.access;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.SlrtApplication;
import id.slrt.support.Api;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** Outside demo mode there are no demo users; the first admin gets a given or a generated password. */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminTest {

    @Test
    void withAdminPasswordSetOnlyThatAdminExists() {
        try (ConfigurableApplicationContext ctx = start("--slrt.demo=false", "--slrt.admin-password=Rahasia-Kantor-1")) {
            Api api = api(ctx);
            String token = api.token("admin", "Rahasia-Kantor-1");
            JsonNode users = api.get("/api/v1/users", token).json();
            assertThat(users.get("total").asLong()).isEqualTo(1);
            assertThat(users.get("items").get(0).get("role").asString()).isEqualTo("ADMIN");
            assertThat(api.post("/api/v1/auth/token", null,
                    "{\"username\":\"operator\",\"password\":\"demo12345\"}").status()).isEqualTo(401);
        }
    }

    @Test
    void withoutAdminPasswordOneIsGeneratedAndPrintedOnce(CapturedOutput output) {
        try (ConfigurableApplicationContext ctx = start("--slrt.demo=false")) {
            Matcher m = Pattern.compile("first admin password: (\\S+)").matcher(output.getOut());
            assertThat(m.find()).as("the generated password is printed").isTrue();
            String password = m.group(1);
            assertThat(m.find()).as("printed only once").isFalse();
            Api api = api(ctx);
            String token = api.token("admin", password);
            JsonNode admin = api.get("/api/v1/users", token).json().get("items").get(0);
            assertThat(admin.get("username").asString()).isEqualTo("admin");
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        String[] all = new String[args.length + 1];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--server.port=0";
        return new SpringApplicationBuilder(SlrtApplication.class).profiles("test").run(all);
    }

    private static Api api(ConfigurableApplicationContext ctx) {
        return new Api(((WebServerApplicationContext) ctx).getWebServer().getPort());
    }
}
