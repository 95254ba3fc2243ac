package id.slrt.portal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Brakes of the public question form and API: at most {@code perWindow} questions per client address
 * within {@code window} ({@code rateLimit=false} switches that off); a form must be at least
 * {@code minFillTime} and at most {@code formTtl} old when sent. {@code formSecret} signs form tokens;
 * when blank a random key is drawn at start (several servers behind one address must share a secret).
 */
@ConfigurationProperties(prefix = "slrt.questions")
public record QuestionSettings(boolean rateLimit, int perWindow, Duration window, Duration minFillTime,
                               Duration formTtl, String formSecret) {
}
