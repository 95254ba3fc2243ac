package id.slrt.notify;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Delivery settings (README lists the environment variables). A message is tried at most {@code maxAttempts}
 * times; after a failed attempt n the next waits {@code backoff}·2^(n-1), at most {@code maxBackoff}. The sender
 * runs every {@code sendInterval}, claims up to {@code batchSize} due messages and owns them for {@code lease}.
 * {@code mailFrom} is the sender address of emails; {@code sms} and {@code whatsapp} are HTTP gateways.
 */
@ConfigurationProperties(prefix = "slrt.notify")
public record NotifySettings(int maxAttempts, Duration backoff, Duration maxBackoff, Duration sendInterval,
                             int batchSize, Duration lease, String mailFrom, Gateway sms, Gateway whatsapp) {

    /**
     * An HTTP gateway most Indonesian SMS/WhatsApp providers resemble: a request to {@code url} with
     * {@code method} (POST), an optional auth header ({@code authHeader}: {@code authValue}) and a body made
     * from {@code bodyTemplate}, in which {@code {to}} (the number as 08…), {@code {to62}} (as 628…) and
     * {@code {text}} are replaced, escaped for {@code contentType} (JSON or form-encoded). Any 2xx answer is
     * success. No URL: the channel is not configured and its messages stay PENDING.
     */
    public record Gateway(String url, String method, String authHeader, String authValue, String contentType,
                          String bodyTemplate, Duration timeout) {
        public boolean configured() {
            return url != null && !url.isBlank();
        }
    }

    public Gateway gateway(DeliveryChannel channel) {
        return switch (channel) {
            case SMS -> sms;
            case WHATSAPP -> whatsapp;
            case EMAIL -> throw new IllegalArgumentException("email goes through SMTP");
        };
    }
}
