package id.slrt.portal.web;

import id.slrt.portal.QuestionSettings;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Protects the public question form without a session or a cookie (the public pages set none).
 *
 * <p>Why not Spring's usual CSRF token: it lives in the HTTP session, so showing the form would create a
 * session cookie for every visitor. Why not a double-submit cookie: that is a cookie too, and a form that
 * nobody is logged in to has no ambient authority for a forged request to borrow; what a forger could gain
 * is only to make other people's browsers post questions, spreading spam over many client addresses past
 * the per-client limit. So the form carries a signed token instead: HMAC-SHA256 over the moment it was
 * issued and a random nonce, with a server key. A post is accepted when the token is genuine, was issued at
 * least {@code minFillTime} ago (people take longer than robots) and at most {@code formTtl} ago, and has
 * not been used before (one question per form); and when the browser says the post comes from this site
 * ({@code Sec-Fetch-Site} and {@code Origin}, which browsers set on cross-site posts and scripts cannot
 * forge). Used nonces are kept in memory until their token would have expired anyway.
 */
@Component
class FormTokens {
    enum Verdict { OK, INVALID, TOO_FAST, EXPIRED, CROSS_SITE }

    private static final int MAX_USED = 100_000;
    private final QuestionSettings settings;
    private final Clock clock;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> used = new ConcurrentHashMap<>();

    FormTokens(QuestionSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        byte[] secret;
        if (settings.formSecret() == null || settings.formSecret().isBlank()) {
            secret = new byte[32];
            random.nextBytes(secret);
        } else {
            secret = settings.formSecret().getBytes(StandardCharsets.UTF_8);
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    String issue() {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        String payload = clock.instant().getEpochSecond() + "." + b64(nonce);
        return payload + "." + b64(mac(payload));
    }

    Verdict check(String token, HttpServletRequest request) {
        if (crossSite(request)) {
            return Verdict.CROSS_SITE;
        }
        if (token == null) {
            return Verdict.INVALID;
        }
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Verdict.INVALID;
        }
        String payload = parts[0] + "." + parts[1];
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            return Verdict.INVALID;
        }
        if (!MessageDigest.isEqual(given, mac(payload))) {
            return Verdict.INVALID;
        }
        Instant issued;
        try {
            issued = Instant.ofEpochSecond(Long.parseLong(parts[0]));
        } catch (NumberFormatException e) {
            return Verdict.INVALID;
        }
        Instant now = clock.instant();
        Duration age = Duration.between(issued, now);
        if (age.compareTo(settings.formTtl()) > 0) {
            return Verdict.EXPIRED;
        }
        if (age.compareTo(settings.minFillTime()) < 0) {
            return Verdict.TOO_FAST;
        }
        forgetExpired(now);
        if (used.putIfAbsent(parts[1], issued.plus(settings.formTtl())) != null) {
            return Verdict.INVALID;
        }
        return Verdict.OK;
    }

    /** A browser posting from another site says so in Sec-Fetch-Site or Origin; a non-browser client sends neither. */
    private static boolean crossSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null || origin.equals("null")) {
            return origin != null;
        }
        try {
            URI o = URI.create(origin);
            return !request.getServerName().equalsIgnoreCase(o.getHost());
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private void forgetExpired(Instant now) {
        if (used.size() > MAX_USED / 2) {
            used.values().removeIf(until -> until.isBefore(now));
        }
        if (used.size() > MAX_USED) {
            // A flood of genuine tokens: start afresh rather than grow without bound.
            used.clear();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
