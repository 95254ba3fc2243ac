package id.slrt.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import id.slrt.notify.internal.OutboxSender;
import id.slrt.platform.Scopes;
import id.slrt.support.Api;
import id.slrt.support.IntegrationTest;
import id.slrt.support.MutableClock;
import id.slrt.support.WebSession;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Delivery of the outbox against real servers: GreenMail as the SMTP server and the JDK's HttpServer as the
 * SMS/WhatsApp gateway, on the fixed ports of application-test.properties. The sender runs when the test
 * calls it, with the test's clock, so retries and backoff are exact.
 */
@IntegrationTest
class DeliveryTest {
    static final int SMTP_PORT = 34025;
    static final int GATEWAY_PORT = 34081;
    static HttpServer gateway;
    static final List<Received> requests = new CopyOnWriteArrayList<>();
    /** How many coming gateway requests are answered 500. */
    static final AtomicInteger failNext = new AtomicInteger();

    record Received(String path, String method, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    Notifications notifications;
    @Autowired
    OutboxSender sender;
    @Autowired
    Scopes scopes;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    MutableClock clock;
    @Autowired
    ObjectMapper json;
    GreenMail mail;
    Api api;

    @BeforeAll
    static void startGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", GATEWAY_PORT), 0);
        gateway.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            requests.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestMethod(),
                    Map.copyOf(exchange.getRequestHeaders()), body));
            boolean fail = failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            byte[] answer = (fail ? "{\"status\":false,\"reason\":\"gateway down\"}" : "{\"status\":true}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(fail ? 500 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        gateway.start();
    }

    @AfterAll
    static void stopGateway() {
        gateway.stop(0);
    }

    @BeforeEach
    void setUp() {
        mail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        failNext.set(0);
        api = new Api(port);
    }

    @AfterEach
    void tearDown() {
        mail.stop();
        clock.reset();
    }

    String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    void queue(Email e) {
        scopes.runAsDistrict(() -> tx.executeWithoutResult(s -> notifications.queue(e)));
    }

    void queue(TextMessage m) {
        scopes.runAsDistrict(() -> tx.executeWithoutResult(s -> notifications.queue(m)));
    }

    OutboxMessage message(String dedupKey) {
        List<OutboxMessage> found = scopes.asDistrict(() -> tx.execute(s -> notifications.byDedupPrefix(dedupKey)));
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    List<Received> requestsContaining(String marker) {
        return requests.stream().filter(r -> r.body().contains(marker)).toList();
    }

    @Test
    void aQueuedEmailArrivesAtTheSmtpServerWithItsSubjectAndBody() throws Exception {
        String id = unique();
        String to = "penerima-" + id + "@desa.example";
        queue(new Email("1409011012", "operator", to, "Pengingat usulan " + id,
                "Ada 3 usulan menunggu verifikasi.\nTerima kasih.", "test.mail", "test:mail:" + id));
        assertThat(message("test:mail:" + id).status()).isEqualTo("PENDING");

        sender.deliverDue();

        MimeMessage received = Arrays.stream(mail.getReceivedMessages())
                .filter(m -> Arrays.toString(uncheckedRecipients(m)).contains(to)).findFirst().orElseThrow();
        assertThat(received.getSubject()).isEqualTo("Pengingat usulan " + id);
        assertThat(GreenMailUtil.getBody(received)).contains("Ada 3 usulan menunggu verifikasi.");
        assertThat(received.getFrom()[0].toString()).isEqualTo("slrt-test@slrt.invalid");
        OutboxMessage sent = message("test:mail:" + id);
        assertThat(sent.status()).isEqualTo("SENT");
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(sent.sentAt()).isNotNull();

        int before = mail.getReceivedMessages().length;
        sender.deliverDue();
        assertThat(Arrays.stream(mail.getReceivedMessages()).filter(m -> Arrays.toString(uncheckedRecipients(m))
                .contains(to))).as("a sent message is not sent again").hasSize(1);
        assertThat(mail.getReceivedMessages().length).isGreaterThanOrEqualTo(before);
    }

    static Object[] uncheckedRecipients(MimeMessage m) {
        try {
            return m.getAllRecipients();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anSmtpFailureIsRetriedWithGrowingWaitsAndGivenUpAfterTheLastAttemptThenAnAdministratorSendsItAgain()
            throws Exception {
        mail.stop();
        String id = unique();
        String to = "gagal-" + id + "@desa.example";
        String key = "test:mail-fail:" + id;
        queue(new Email("1409011012", "operator", to, "Tidak terkirim " + id, "Isi", "test.mail", key));

        sender.deliverDue();
        OutboxMessage first = message(key);
        assertThat(first.status()).isEqualTo("FAILED");
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.lastError()).isNotBlank();
        assertThat(first.nextAttemptAt()).isCloseTo(first.lastAttemptAt().plus(Duration.ofMinutes(1)),
                org.assertj.core.api.Assertions.within(1, ChronoUnit.SECONDS));

        sender.deliverDue();
        assertThat(message(key).attempts()).as("not due again before its backoff").isEqualTo(1);

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        sender.deliverDue();
        OutboxMessage second = message(key);
        assertThat(second.status()).isEqualTo("FAILED");
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(Duration.between(second.lastAttemptAt(), second.nextAttemptAt()))
                .as("the wait doubles").isEqualTo(Duration.ofMinutes(2));

        clock.advance(Duration.ofMinutes(1));
        sender.deliverDue();
        assertThat(message(key).attempts()).isEqualTo(2);
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        sender.deliverDue();
        OutboxMessage dead = message(key);
        assertThat(dead.status()).as("max-attempts=3 in the test settings").isEqualTo("DEAD");
        assertThat(dead.attempts()).isEqualTo(3);
        clock.advance(Duration.ofHours(1));
        sender.deliverDue();
        assertThat(message(key).attempts()).as("a given-up message is not tried again").isEqualTo(3);

        String admin = api.demoToken("admin");
        assertThat(api.post("/api/v1/notifications/" + dead.id() + "/retry", api.demoToken("slrt"), "{}").status())
                .as("administrators only").isEqualTo(403);
        JsonNode listed = api.get("/api/v1/notifications?status=DEAD&channel=EMAIL&size=100", admin).json();
        assertThat(listed.get("items").valueStream().map(n -> n.get("dedupKey").asString())).contains(key);

        mail.start();
        JsonNode retried = api.post("/api/v1/notifications/" + dead.id() + "/retry", admin, "{}").json();
        assertThat(retried.get("status").asString()).isEqualTo("PENDING");
        assertThat(retried.get("attempts").asInt()).isZero();
        assertThat(api.post("/api/v1/notifications/" + dead.id() + "/retry", admin, "{}").status())
                .as("only a given-up message").isEqualTo(409);
        sender.deliverDue();
        assertThat(message(key).status()).isEqualTo("SENT");
        assertThat(Arrays.stream(mail.getReceivedMessages()).filter(m -> Arrays.toString(uncheckedRecipients(m))
                .contains(to))).hasSize(1);
        JsonNode audit = api.get("/api/v1/audit?entityId=" + dead.id() + "&size=10", admin).json();
        assertThat(audit.get("items").valueStream().map(a -> a.get("action").asString()))
                .contains("NOTIFICATION_RETRIED");
    }

    @Test
    void anSmsGoesToTheGatewayWithTheConfiguredHeadersAndAJsonBodyThatKeepsTheTextIntact() throws Exception {
        String id = unique();
        String text = "Pengaduan SLRT-" + id + ": \"Sedang ditangani\"\nCek status: https://slrt.example/pengaduan/status";
        queue(new TextMessage("1409011012", DeliveryChannel.SMS, "081312345678", text, "test.sms", "test:sms:" + id));

        sender.deliverDue();

        List<Received> got = requestsContaining("SLRT-" + id);
        assertThat(got).hasSize(1);
        Received r = got.get(0);
        assertThat(r.path()).isEqualTo("/sms");
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.header("Authorization")).isEqualTo("Bearer test-sms-key");
        assertThat(r.header("Content-Type")).startsWith("application/json");
        JsonNode body = json.readTree(r.body());
        assertThat(body.get("to").asString()).isEqualTo("081312345678");
        assertThat(body.get("message").asString()).isEqualTo(text);
        assertThat(message("test:sms:" + id).status()).isEqualTo("SENT");
    }

    @Test
    void aWhatsAppMessageUsesItsOwnGatewayAndTheInternationalNumber() throws Exception {
        String id = unique();
        queue(new TextMessage("1409011012", DeliveryChannel.WHATSAPP, "081298765432", "Halo " + id, "test.wa",
                "test:wa:" + id));

        sender.deliverDue();

        Received r = requestsContaining("Halo " + id).get(0);
        assertThat(r.path()).isEqualTo("/wa");
        assertThat(json.readTree(r.body()).get("target").asString()).isEqualTo("6281298765432");
        assertThat(message("test:wa:" + id).channel()).isEqualTo("WHATSAPP");
        assertThat(message("test:wa:" + id).status()).isEqualTo("SENT");
    }

    @Test
    void aGatewayAnswering500IsRetriedAfterTheBackoffAndThenSent() {
        String id = unique();
        String key = "test:sms-500:" + id;
        queue(new TextMessage("1409011012", DeliveryChannel.SMS, "085211112222", "Coba " + id, "test.sms", key));
        // Other due messages may reach the gateway in the same run: fail every request of this run.
        failNext.set(1000);
        sender.deliverDue();
        failNext.set(0);

        OutboxMessage failed = message(key);
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.lastError()).contains("HTTP 500").contains("gateway down");
        assertThat(requestsContaining("Coba " + id)).hasSize(1);

        sender.deliverDue();
        assertThat(requestsContaining("Coba " + id)).as("waits for its backoff").hasSize(1);

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        sender.deliverDue();
        OutboxMessage sent = message(key);
        assertThat(sent.status()).isEqualTo("SENT");
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.lastError()).isNull();
        assertThat(requestsContaining("Coba " + id)).hasSize(2);
    }

    @Test
    void theDeliveryPageListsByStatusAndChannelAndSendsAGivenUpMessageAgainAfterConfirmation() {
        String id = unique();
        String key = "test:page:" + id;
        queue(new TextMessage("1409011012", DeliveryChannel.SMS, "081377778888", "Halaman " + id, "test.page", key));
        failNext.set(1000);
        for (int i = 0; i < 3; i++) {
            sender.deliverDue();
            clock.advance(Duration.ofMinutes(10));
        }
        failNext.set(0);
        OutboxMessage dead = message(key);
        assertThat(dead.status()).isEqualTo("DEAD");

        WebSession admin = WebSession.login(port, "admin", Api.DEMO_PASSWORD);
        WebSession.Page page = admin.get("/admin/notifications?status=DEAD&channel=SMS&size=100");
        assertThat(page.status()).isEqualTo(200);
        String row = page.body().substring(page.body().indexOf("id=\"message-" + dead.id() + "\""));
        assertThat(row).contains("••••8888").doesNotContain("081377778888").contains("HTTP 500")
                .contains("data-confirm=").contains("id=\"retry-" + dead.id() + "\"");
        assertThat(page.body()).doesNotContain("id=\"sms-not-configured\"").doesNotContain("id=\"mail-not-configured\"");

        WebSession.Page retried = admin.post("/admin/notifications/" + dead.id() + "/retry", page.csrf(),
                Map.of("status", "DEAD", "channel", "SMS"));
        assertThat(retried.status()).isEqualTo(302);
        assertThat(retried.location()).contains("/admin/notifications").contains("status=DEAD");
        assertThat(message(key).status()).isEqualTo("PENDING");
        sender.deliverDue();
        assertThat(message(key).status()).isEqualTo("SENT");

        WebSession operator = WebSession.login(port, "operator", Api.DEMO_PASSWORD);
        assertThat(operator.get("/admin/notifications").status()).isEqualTo(403);
    }

    @Test
    void theOpenApiDocumentDescribesTheDeliveryAndRoutingEndpoints() {
        JsonNode doc = api.get("/v3/api-docs", null).json();
        List<String> paths = new java.util.ArrayList<>();
        doc.get("paths").properties().forEach(e -> paths.add(e.getKey()));
        assertThat(paths).contains("/api/v1/notifications", "/api/v1/notifications/summary",
                "/api/v1/notifications/{id}", "/api/v1/notifications/{id}/retry", "/api/v1/complaint-routing",
                "/api/v1/complaint-routing/{category}");
        JsonNode summary = api.get("/api/v1/notifications/summary", api.demoToken("admin")).json();
        assertThat(summary.get("configured").get("mailConfigured").asBoolean()).isTrue();
        assertThat(summary.get("configured").get("smsConfigured").asBoolean()).isTrue();
    }

    @Test
    void twoSendersRunningAtOnceSendEachMessageOnce() throws Exception {
        String id = unique();
        for (int i = 0; i < 30; i++) {
            queue(new TextMessage("1409011012", DeliveryChannel.SMS, "0813000000" + String.format("%02d", i),
                    "Sekali " + id + " #" + i + ";", "test.once", "test:once:" + id + ":" + i));
        }
        Thread a = new Thread(sender::deliverDue);
        Thread b = new Thread(sender::deliverDue);
        a.start();
        b.start();
        a.join();
        b.join();
        for (int i = 0; i < 30; i++) {
            assertThat(requestsContaining("Sekali " + id + " #" + i + ";")).as("message %d", i).hasSize(1);
        }
        List<OutboxMessage> all = scopes.asDistrict(() -> tx.execute(s -> notifications.byDedupPrefix(
                "test:once:" + id + ":")));
        assertThat(all).hasSize(30).extracting(OutboxMessage::status).containsOnly("SENT");
    }
}
