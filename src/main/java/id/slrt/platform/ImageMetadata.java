package id.slrt.platform;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * When and where a photo was taken, as the camera wrote it in the JPEG's EXIF block (local camera
 * time, no zone; latitude and longitude in signed decimal degrees, south and west negative), and its
 * pixel size. Each part is empty when the file does not say; reading never fails, whatever the bytes.
 * Only JPEG is read: other types give {@link #NONE}.
 */
public record ImageMetadata(Optional<LocalDateTime> taken, Optional<Double> latitude, Optional<Double> longitude,
                            Optional<Integer> width, Optional<Integer> height) {
    public static final ImageMetadata NONE =
            new ImageMetadata(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    private static final int SOI = 0xD8;
    private static final int EOI = 0xD9;
    private static final int SOS = 0xDA;
    private static final int APP1 = 0xE1;

    public static ImageMetadata read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (IOException e) {
            return NONE;
        }
    }

    /** Reads from the start of a JPEG up to its frame header; the caller closes {@code in}. */
    public static ImageMetadata read(InputStream in) {
        Scan scan = new Scan();
        try {
            scan.walk(new BufferedInputStream(in));
        } catch (IOException | RuntimeException truncatedOrMalformed) {
            // Whatever was read before the damage is still true.
        }
        return scan.result();
    }

    /** Both coordinates, or neither. */
    public boolean hasLocation() {
        return latitude.isPresent() && longitude.isPresent();
    }

    /** Walks the JPEG's segments: EXIF in APP1, pixel size in the start-of-frame header. */
    private static final class Scan {
        private Exif exif = Exif.NONE;
        private Optional<Integer> width = Optional.empty();
        private Optional<Integer> height = Optional.empty();

        void walk(InputStream in) throws IOException {
            if (in.read() != 0xFF || in.read() != SOI) {
                return;
            }
            for (int marker = nextMarker(in); marker >= 0 && marker != EOI && marker != SOS; marker = nextMarker(in)) {
                if (isStandalone(marker)) {
                    continue;
                }
                int length = (in.read() << 8) | in.read();
                if (length < 2) {
                    return;
                }
                if (isStartOfFrame(marker)) {
                    // EXIF comes before the frame header, so nothing after it is needed.
                    readFrameHeader(in.readNBytes(length - 2));
                    return;
                }
                if (marker == APP1 && exif == Exif.NONE) {
                    exif = Exif.fromApp1(in.readNBytes(length - 2));
                } else {
                    in.skipNBytes(length - 2);
                }
            }
        }

        private void readFrameHeader(byte[] frame) {
            if (frame.length < 5) {
                return;
            }
            int lines = ((frame[1] & 0xFF) << 8) | (frame[2] & 0xFF);
            int samplesPerLine = ((frame[3] & 0xFF) << 8) | (frame[4] & 0xFF);
            // A height of 0 means "given later in a DNL segment", which we do not read.
            height = lines > 0 ? Optional.of(lines) : Optional.empty();
            width = samplesPerLine > 0 ? Optional.of(samplesPerLine) : Optional.empty();
        }

        /** The next marker code, skipping fill bytes; -1 at the end or where no marker is. */
        private static int nextMarker(InputStream in) throws IOException {
            if (in.read() != 0xFF) {
                return -1;
            }
            int code = in.read();
            while (code == 0xFF) {
                code = in.read();
            }
            return code == 0 ? -1 : code;
        }

        /** TEM and the restart markers carry no length. */
        private static boolean isStandalone(int marker) {
            return marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7);
        }

        /** SOF0 to SOF15, except DHT (C4), JPG (C8) and DAC (CC) that share the range. */
        private static boolean isStartOfFrame(int marker) {
            return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        }

        ImageMetadata result() {
            return new ImageMetadata(exif.taken(), exif.latitude(), exif.longitude(), width, height);
        }
    }
}
