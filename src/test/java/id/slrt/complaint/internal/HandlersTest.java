package id.slrt.complaint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.access.Role;
import id.slrt.support.Api;
import id.slrt.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** New complaints go to the handler with the fewest open ones; old counts are refreshed off the filing's path. */
@IntegrationTest
class HandlersTest {
    static final String DESA = "1409031003"; // Muara Lembu: no other test gives it operators
    @LocalServerPort
    int port;
    @Autowired
    Handlers handlers;

    @Test
    void workIsSpreadEvenlyAndAnOldCountIsReplacedByTheRegistrysCountInTheBackground() throws Exception {
        Api api = new Api(port);
        String admin = api.demoToken("admin");
        String suffix = Long.toString(System.nanoTime() % 100000);
        String a = "lembu-a" + suffix;
        String b = "lembu-b" + suffix;
        List<String> ids = new ArrayList<>();
        for (String name : List.of(a, b)) {
            Api.Response created = api.post("/api/v1/users", admin, "{\"username\":\"" + name
                    + "\",\"fullName\":\"Operator " + name + "\",\"role\":\"OPERATOR_DESA\",\"regionCode\":\"" + DESA + "\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            ids.add(created.json().get("user").get("id").asString());
        }
        List<String> chosen = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            chosen.add(handlers.leastLoaded(Role.OPERATOR_DESA, DESA));
        }
        assertThat(chosen).containsExactly(a, b, a); // both start at 0 open complaints, then by name
        assertThat(handlers.load(a)).isEqualTo(2);

        // Nothing was filed, so the registry still says 0 and 0. Once the counts are old, the next look-up answers
        // at once from the counts it has (b has fewer) and starts one recount in the background.
        handlers.ageCounts();
        assertThat(handlers.leastLoaded(Role.OPERATOR_DESA, DESA)).isEqualTo(b);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (handlers.recounting() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(handlers.recounting()).isFalse();
        assertThat(handlers.load(a)).as("a's two were only in memory: the registry's count replaced them").isZero();
        assertThat(handlers.load(b)).as("b's last one may land before or after the recount").isBetween(0L, 1L);

        // who covers the desa is remembered too, but a disabled account gets nothing more from the next filing on
        assertThat(api.post("/api/v1/users/" + ids.get(0) + "/enabled", admin, "{\"enabled\":false}").status())
                .isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            assertThat(handlers.leastLoaded(Role.OPERATOR_DESA, DESA)).isEqualTo(b);
        }
    }
}
