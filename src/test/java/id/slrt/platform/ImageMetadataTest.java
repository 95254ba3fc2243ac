package id.slrt.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ImageMetadataTest {
    /** A real 16 x 8 JPEG as the JDK writes it (with a JFIF APP0, without EXIF). */
    private static final byte[] PLAIN_JPEG = plainJpeg();
    private static final LocalDateTime TAKEN = LocalDateTime.of(2024, 3, 17, 9, 41, 5);

    enum Order {
        LITTLE_ENDIAN(ByteOrder.LITTLE_ENDIAN), BIG_ENDIAN(ByteOrder.BIG_ENDIAN);

        final ByteOrder order;

        Order(ByteOrder order) {
            this.order = order;
        }
    }

    @ParameterizedTest
    @EnumSource(Order.class)
    void readsDateAndPlaceOfAPhotoTakenInPontianak(Order order) {
        ImageMetadata meta = read(pontianak(order.order).insertInto(PLAIN_JPEG));

        assertThat(meta.taken()).contains(TAKEN);
        assertThat(meta.latitude()).hasValueSatisfying(lat -> assertThat(lat).isCloseTo(-0.0263, within(1e-9)));
        assertThat(meta.longitude()).hasValueSatisfying(lon -> assertThat(lon).isCloseTo(109.3425, within(1e-9)));
        assertThat(meta.hasLocation()).isTrue();
        assertThat(meta.width()).contains(16);
        assertThat(meta.height()).contains(8);
    }

    @Test
    void northAndWestHaveTheirSigns() {
        ImageMetadata meta = read(new ExifSegment(ByteOrder.BIG_ENDIAN)
                .latitude("N", 6, 1, 10, 1, 0, 1)
                .longitude("W", 75, 1, 30, 1, 0, 1)
                .insertInto(PLAIN_JPEG));

        assertThat(meta.latitude()).hasValueSatisfying(lat -> assertThat(lat).isCloseTo(6 + 10 / 60.0, within(1e-9)));
        assertThat(meta.longitude()).hasValueSatisfying(lon -> assertThat(lon).isCloseTo(-75.5, within(1e-9)));
        assertThat(meta.taken()).isEmpty();
    }

    @Test
    void withoutDateTimeOriginalTheFileDateServes() {
        ImageMetadata meta = read(new ExifSegment(ByteOrder.LITTLE_ENDIAN)
                .dateTime("2023:12:31 23:59:59")
                .insertInto(PLAIN_JPEG));

        assertThat(meta.taken()).contains(LocalDateTime.of(2023, 12, 31, 23, 59, 59));
        assertThat(meta.hasLocation()).isFalse();
    }

    @Test
    void unsetOrImpossibleValuesAreNoValues() {
        assertThat(read(new ExifSegment(ByteOrder.LITTLE_ENDIAN).dateTimeOriginal("0000:00:00 00:00:00")
                .dateTime("2024:02:30 10:00:00").insertInto(PLAIN_JPEG)).taken()).isEmpty();
        assertThat(read(new ExifSegment(ByteOrder.LITTLE_ENDIAN).latitude("S", 0, 0, 1, 1, 2, 1)
                .longitude("E", 109, 1, 0, 1, 0, 1).insertInto(PLAIN_JPEG)).hasLocation()).as("denominator 0").isFalse();
        assertThat(read(new ExifSegment(ByteOrder.LITTLE_ENDIAN).latitude("X", 1, 1, 0, 1, 0, 1)
                .longitude("E", 109, 1, 0, 1, 0, 1).insertInto(PLAIN_JPEG)).hasLocation()).as("unknown hemisphere").isFalse();
        assertThat(read(new ExifSegment(ByteOrder.LITTLE_ENDIAN).latitude("N", 91, 1, 0, 1, 0, 1)
                .longitude("E", 109, 1, 0, 1, 0, 1).insertInto(PLAIN_JPEG)).hasLocation()).as("beyond the pole").isFalse();
        assertThat(read(new ExifSegment(ByteOrder.LITTLE_ENDIAN).latitude("N", 0, 1, 0, 1, 0, 1)
                .longitude("E", 0, 1, 0, 1, 0, 1).insertInto(PLAIN_JPEG)).hasLocation()).as("no GPS fix").isFalse();
    }

    @Test
    void aJpegWithoutExifHasOnlyItsSize() {
        ImageMetadata meta = read(PLAIN_JPEG);

        assertThat(meta.taken()).isEmpty();
        assertThat(meta.hasLocation()).isFalse();
        assertThat(meta.width()).contains(16);
        assertThat(meta.height()).contains(8);
    }

    @Test
    void otherBytesGiveNothing() throws IOException {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);

        assertThat(read(garbage)).isEqualTo(ImageMetadata.NONE);
        assertThat(read(new byte[0])).isEqualTo(ImageMetadata.NONE);
        assertThat(read(FileStoreTest.image("png"))).isEqualTo(ImageMetadata.NONE);
    }

    @Test
    void aTruncatedFileGivesWhatCameBeforeTheCut() {
        byte[] full = pontianak(ByteOrder.BIG_ENDIAN).insertInto(PLAIN_JPEG);
        int exifEnd = 2 + pontianak(ByteOrder.BIG_ENDIAN).bytes().length;
        for (int length = 0; length < full.length; length++) {
            ImageMetadata meta = read(Arrays.copyOf(full, length));
            if (length >= exifEnd) {
                assertThat(meta.taken()).as("cut at %d", length).contains(TAKEN);
                assertThat(meta.hasLocation()).as("cut at %d", length).isTrue();
            }
        }
    }

    @Test
    void readsAFile(@TempDir Path dir) throws IOException {
        Path photo = Files.write(dir.resolve("rumah.jpg"), pontianak(ByteOrder.LITTLE_ENDIAN).insertInto(PLAIN_JPEG));

        assertThat(ImageMetadata.read(photo).taken()).contains(TAKEN);
        assertThat(ImageMetadata.read(dir.resolve("missing.jpg"))).isEqualTo(ImageMetadata.NONE);
    }

    @Property
    void anyBytesAreReadWithoutFailing(@ForAll @Size(max = 2000) byte[] bytes) {
        assertThat(read(bytes)).isNotNull();
    }

    // The EXIF parser is called directly: read() also has a safety net that would hide its failures.
    @Property
    void anyBytesAfterAnExifHeaderAreParsedWithoutFailing(@ForAll @Size(max = 2000) byte[] tail,
                                                          @ForAll boolean bigEndian) {
        byte[] header = {'E', 'x', 'i', 'f', 0, 0, (byte) (bigEndian ? 'M' : 'I'), (byte) (bigEndian ? 'M' : 'I'),
                (byte) (bigEndian ? 0 : 42), (byte) (bigEndian ? 42 : 0)};
        byte[] payload = Arrays.copyOf(header, header.length + tail.length);
        System.arraycopy(tail, 0, payload, header.length, tail.length);
        assertThat(Exif.fromApp1(payload)).isNotNull();
    }

    @Property
    void aDamagedExifSegmentIsParsedWithoutFailing(@ForAll @Size(min = 1, max = 8) int[] positions,
                                                   @ForAll @Size(min = 8, max = 8) byte[] values,
                                                   @ForAll boolean bigEndian) {
        byte[] segment = pontianak(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN).bytes();
        byte[] payload = Arrays.copyOfRange(segment, 4, segment.length);
        for (int i = 0; i < positions.length; i++) {
            payload[Math.floorMod(positions[i], payload.length)] = values[i];
        }
        assertThat(Exif.fromApp1(payload)).isNotNull();
    }

    private static ExifSegment pontianak(ByteOrder order) {
        // -0.0263, 109.3425 = 0° 1' 34.68" S, 109° 20' 33" E
        return new ExifSegment(order)
                .dateTime("2024:03:18 08:00:00")
                .dateTimeOriginal("2024:03:17 09:41:05")
                .latitude("S", 0, 1, 1, 1, 3468, 100)
                .longitude("E", 109, 1, 20, 1, 33, 1);
    }

    private static ImageMetadata read(byte[] bytes) {
        return ImageMetadata.read(new ByteArrayInputStream(bytes));
    }

    private static byte[] plainJpeg() {
        try {
            return FileStoreTest.image("jpg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
