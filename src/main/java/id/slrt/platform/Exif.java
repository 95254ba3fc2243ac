package id.slrt.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/** The parts of a JPEG's EXIF block (APP1) that evidence needs: when, and where. */
record Exif(Optional<LocalDateTime> taken, Optional<Double> latitude, Optional<Double> longitude) {
    static final Exif NONE = new Exif(Optional.empty(), Optional.empty(), Optional.empty());

    private static final byte[] APP1_HEADER = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
    private static final DateTimeFormatter EXIF_DATE_TIME =
            DateTimeFormatter.ofPattern("uuuu:MM:dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

    private static final int DATE_TIME = 0x0132;
    private static final int EXIF_POINTER = 0x8769;
    private static final int GPS_POINTER = 0x8825;
    private static final int DATE_TIME_ORIGINAL = 0x9003;
    private static final int GPS_LATITUDE_REF = 0x0001;
    private static final int GPS_LATITUDE = 0x0002;
    private static final int GPS_LONGITUDE_REF = 0x0003;
    private static final int GPS_LONGITUDE = 0x0004;

    /** Reads an APP1 segment's payload; NONE when it is not EXIF (XMP also lives in APP1). */
    static Exif fromApp1(byte[] payload) {
        if (payload.length < APP1_HEADER.length
                || !Arrays.equals(payload, 0, APP1_HEADER.length, APP1_HEADER, 0, APP1_HEADER.length)) {
            return NONE;
        }
        ByteBuffer tiff = ByteBuffer.wrap(payload).position(APP1_HEADER.length);
        return Tiff.of(tiff).map(Exif::fromTiff).orElse(NONE);
    }

    private static Exif fromTiff(Tiff tiff) {
        Map<Integer, Tiff.Entry> main = tiff.firstDirectory();
        Map<Integer, Tiff.Entry> exif = tiff.directoryAt(main, EXIF_POINTER);
        Map<Integer, Tiff.Entry> gps = tiff.directoryAt(main, GPS_POINTER);
        Optional<LocalDateTime> taken = dateTime(tiff, exif.get(DATE_TIME_ORIGINAL))
                .or(() -> dateTime(tiff, main.get(DATE_TIME)));
        Optional<Double> latitude = coordinate(tiff, gps.get(GPS_LATITUDE), gps.get(GPS_LATITUDE_REF), "N", "S", 90);
        Optional<Double> longitude = coordinate(tiff, gps.get(GPS_LONGITUDE), gps.get(GPS_LONGITUDE_REF), "E", "W", 180);
        if (latitude.isEmpty() || longitude.isEmpty() || isNullIsland(latitude.get(), longitude.get())) {
            return new Exif(taken, Optional.empty(), Optional.empty());
        }
        return new Exif(taken, latitude, longitude);
    }

    /** Cameras without a date set write "0000:00:00 00:00:00" or blanks; those are no date. */
    private static Optional<LocalDateTime> dateTime(Tiff tiff, Tiff.Entry entry) {
        return tiff.ascii(entry).flatMap(text -> {
            try {
                return Optional.of(LocalDateTime.parse(text.strip(), EXIF_DATE_TIME));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }

    /** Degrees, minutes, seconds plus a hemisphere letter, as a signed decimal degree. */
    private static Optional<Double> coordinate(Tiff tiff, Tiff.Entry value, Tiff.Entry ref,
                                               String positive, String negative, double limit) {
        Optional<String> hemisphere = tiff.ascii(ref).map(String::strip);
        Optional<double[]> dms = tiff.rationals(value, 3);
        if (hemisphere.isEmpty() || dms.isEmpty()) {
            return Optional.empty();
        }
        double degrees = dms.get()[0] + dms.get()[1] / 60 + dms.get()[2] / 3600;
        if (degrees > limit) {
            return Optional.empty();
        }
        if (hemisphere.get().equals(positive)) {
            return Optional.of(degrees);
        }
        return hemisphere.get().equals(negative) ? Optional.of(-degrees) : Optional.empty();
    }

    /** Phones without a GPS fix write 0,0; a real photo in the Gulf of Guinea is not SLRT evidence. */
    private static boolean isNullIsland(double latitude, double longitude) {
        return latitude == 0 && longitude == 0;
    }
}
