package id.slrt.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests can move forward (lockout expiry, token expiry). Starts at the real time. */
public class MutableClock extends Clock {
    private volatile Instant now = Instant.now();

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /**
     * The same moving instant seen in another zone. (Returning {@code this} gave the UTC date where code
     * asked for the district's date: between 17:00 and 24:00 UTC the two days differ.)
     */
    @Override
    public Clock withZone(ZoneId zone) {
        MutableClock moving = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return moving.withZone(other);
            }

            @Override
            public Instant instant() {
                return moving.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return now;
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }

    /** Moves the clock to {@code instant} (a fixed calendar day: weekends, holidays). */
    public void set(Instant instant) {
        now = instant;
    }

    public void reset() {
        now = Instant.now();
    }
}
