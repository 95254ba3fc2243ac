package id.slrt.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {
    @Test
    void idsAreVersion7WithTheRfcVariantTheCurrentTimeAndRandomBitsInBothHalves() {
        long before = System.currentTimeMillis();
        Set<UUID> seen = new HashSet<>();
        Set<Long> randA = new HashSet<>();
        Set<Long> randB = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            UUID id = Ids.newId();
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
            long millis = id.getMostSignificantBits() >>> 16;
            assertThat(millis).isBetween(before, System.currentTimeMillis());
            seen.add(id);
            randA.add(id.getMostSignificantBits() & 0x0FFFL);
            randB.add(id.getLeastSignificantBits() & 0x3FFFFFFFFFFFFFFFL);
        }
        assertThat(seen).hasSize(20_000);
        assertThat(randA).as("the 12 random bits take nearly all 4096 values (about 4065 expected)").hasSizeGreaterThan(4000);
        assertThat(randB).hasSize(20_000);
    }

    @Test
    void idsSortByTheirMillisecond() {
        UUID first = Ids.newId();
        long t = System.currentTimeMillis();
        while (System.currentTimeMillis() == t) {
            Thread.onSpinWait();
        }
        UUID later = Ids.newId();
        assertThat(later.toString()).isGreaterThan(first.toString());
    }
}
