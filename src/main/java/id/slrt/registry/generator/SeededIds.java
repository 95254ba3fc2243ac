package id.slrt.registry.generator;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.UUID;

/**
 * Ids shaped like UUID version 7, drawn from the generator's Random so that a seed repeats them: the
 * time part counts up from the as-of date (rows sort in generation order, as real v7 ids do), the rest
 * is random.
 */
final class SeededIds {
    private final Random random;
    private final long startMillis;
    private long count;

    SeededIds(Random random, LocalDate asOf) {
        this.random = random;
        this.startMillis = asOf.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    UUID next() {
        long n = count++;
        long millis = startMillis + (n >>> 12);
        long msb = (millis << 16) | 0x7000L | (n & 0xFFFL);
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
