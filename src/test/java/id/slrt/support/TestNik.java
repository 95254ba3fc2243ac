package id.slrt.support;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/** Valid NIK / No. KK numbers for tests, with serials (9000+) that synthetic data does not use. */
public final class TestNik {
    private static final AtomicInteger SERIAL = new AtomicInteger(9000 + (int) (System.nanoTime() % 500));

    private TestNik() {
    }

    public static String nik(String kecamatan, LocalDate birth, boolean female) {
        int day = birth.getDayOfMonth() + (female ? 40 : 0);
        return kecamatan + String.format("%02d%02d%02d%04d", day, birth.getMonthValue(), birth.getYear() % 100,
                next());
    }

    public static String kk(String kecamatan, LocalDate issued) {
        return kecamatan + String.format("%02d%02d%02d%04d", issued.getDayOfMonth(), issued.getMonthValue(),
                issued.getYear() % 100, next());
    }

    private static int next() {
        int s = SERIAL.incrementAndGet();
        return 9000 + s % 1000;
    }
}
