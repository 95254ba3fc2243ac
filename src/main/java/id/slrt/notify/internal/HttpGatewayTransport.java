package id.slrt.notify.internal;

import id.slrt.notify.DeliveryChannel;
import id.slrt.notify.NotifySettings;
import id.slrt.notify.NotifySettings.Gateway;
import id.slrt.notify.OutboxMessage;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * SMS and WhatsApp through a provider's HTTP API, configured per channel ({@link Gateway}): the body template's
 * {@code {to}}, {@code {to62}} and {@code {text}} are replaced, escaped for the content type (JSON string or
 * form-encoded); a 2xx answer is success, anything else a failure with the status and the start of the answer.
 */
@Component
class HttpGatewayTransport {
    private static final int ERROR_EXCERPT = 300;

    private final NotifySettings settings;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    HttpGatewayTransport(NotifySettings settings) {
        this.settings = settings;
    }

    Transport channel(DeliveryChannel channel) {
        return m -> send(settings.gateway(channel), m);
    }

    private void send(Gateway g, OutboxMessage m) throws IOException, InterruptedException {
        String contentType = g.contentType() == null || g.contentType().isBlank() ? "application/json" : g.contentType();
        String body = body(g.bodyTemplate(), contentType, m.recipientPhone(), m.body());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(g.url().trim()))
                .timeout(g.timeout() == null ? Duration.ofSeconds(20) : g.timeout())
                .header("Content-Type", contentType)
                .method(g.method() == null || g.method().isBlank() ? "POST" : g.method().trim().toUpperCase(),
                        HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (g.authHeader() != null && !g.authHeader().isBlank() && g.authValue() != null) {
            request.header(g.authHeader().trim(), g.authValue());
        }
        HttpResponse<String> response = client.send(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() / 100 != 2) {
            String answer = response.body() == null ? "" : response.body().strip();
            throw new IOException("HTTP " + response.statusCode()
                    + (answer.isEmpty() ? "" : ": " + answer.substring(0, Math.min(ERROR_EXCERPT, answer.length()))));
        }
    }

    /** The request body: the template with the placeholders replaced, each value escaped for the content type. */
    static String body(String template, String contentType, String phone, String text) {
        boolean form = contentType.toLowerCase().startsWith("application/x-www-form-urlencoded");
        String to62 = phone != null && phone.startsWith("0") ? "62" + phone.substring(1) : phone;
        String t = template == null || template.isBlank() ? "{\"to\":\"{to}\",\"message\":\"{text}\"}" : template;
        return t.replace("{to62}", escape(to62, form)).replace("{to}", escape(phone, form))
                .replace("{text}", escape(text, form));
    }

    private static String escape(String value, boolean form) {
        String v = value == null ? "" : value;
        if (form) {
            return URLEncoder.encode(v, StandardCharsets.UTF_8);
        }
        StringBuilder sb = new StringBuilder(v.length() + 16);
        for (char c : v.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
