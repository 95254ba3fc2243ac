package id.slrt.shared;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/** UUID version 7 (RFC 9562): time-ordered, so ids made offline on a tablet still sort and index well. */
public final class Ids {
    /** One generator per thread: a shared SecureRandom is one lock that every insert of every request waits on. */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(Ids::generator);

    private Ids() {
    }

    /** DRBG keeps its state per instance; the platform default (NativePRNG) shares one lock across instances. */
    private static SecureRandom generator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    public static UUID newId() {
        byte[] r = new byte[10]; // 12 + 62 random bits from one draw: each draw of a DRBG is a hash
        RANDOM.get().nextBytes(r);
        long millis = System.currentTimeMillis();
        long randA = ((r[0] & 0x0FL) << 8) | (r[1] & 0xFFL);
        long randB = 0;
        for (int i = 2; i < 10; i++) {
            randB = (randB << 8) | (r[i] & 0xFFL);
        }
        long msb = (millis << 16) | 0x7000L | randA;
        long lsb = (randB & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
