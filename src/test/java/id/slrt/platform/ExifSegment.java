package id.slrt.platform;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds an EXIF APP1 segment byte by byte, the way a camera lays it out: TIFF header, IFD0 (with
 * DateTime and the pointers), the EXIF IFD (DateTimeOriginal), the GPS IFD; longer values follow
 * each IFD.
 */
final class ExifSegment {
    private final ByteOrder order;
    private final List<Entry> main = new ArrayList<>();
    private final List<Entry> exif = new ArrayList<>();
    private final List<Entry> gps = new ArrayList<>();

    private record Entry(int tag, int type, int count, byte[] value) {
    }

    ExifSegment(ByteOrder order) {
        this.order = order;
    }

    ExifSegment dateTime(String text) {
        main.add(ascii(0x0132, text));
        return this;
    }

    ExifSegment dateTimeOriginal(String text) {
        exif.add(ascii(0x9003, text));
        return this;
    }

    /** Latitude as degrees, minutes and seconds, each a numerator/denominator pair. */
    ExifSegment latitude(String ref, long... rationals) {
        gps.add(ascii(0x0001, ref));
        gps.add(rational(0x0002, rationals));
        return this;
    }

    ExifSegment longitude(String ref, long... rationals) {
        gps.add(ascii(0x0003, ref));
        gps.add(rational(0x0004, rationals));
        return this;
    }

    /** The whole segment: FF E1, length, "Exif\0\0", TIFF. */
    byte[] bytes() {
        byte[] tiff = tiff();
        ByteBuffer segment = ByteBuffer.allocate(4 + 6 + tiff.length).order(ByteOrder.BIG_ENDIAN);
        segment.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + 6 + tiff.length));
        segment.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII)).put(tiff);
        return segment.array();
    }

    /** The JPEG with this segment placed right after its start-of-image marker. */
    byte[] insertInto(byte[] jpeg) {
        byte[] segment = bytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(segment, 0, segment.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    private byte[] tiff() {
        int mainOffset = 8;
        int exifOffset = mainOffset + sizeOf(main, pointers());
        int gpsOffset = exifOffset + sizeOf(exif, 0);
        List<Entry> mainWithPointers = new ArrayList<>(main);
        if (!exif.isEmpty()) {
            mainWithPointers.add(new Entry(0x8769, 4, 1, int32(exifOffset)));
        }
        if (!gps.isEmpty()) {
            mainWithPointers.add(new Entry(0x8825, 4, 1, int32(gpsOffset)));
        }
        ByteBuffer out = ByteBuffer.allocate(gpsOffset + sizeOf(gps, 0)).order(order);
        out.put(order == ByteOrder.LITTLE_ENDIAN ? new byte[] {'I', 'I'} : new byte[] {'M', 'M'});
        out.putShort((short) 42).putInt(mainOffset);
        writeDirectory(out, mainOffset, mainWithPointers);
        writeDirectory(out, exifOffset, exif);
        writeDirectory(out, gpsOffset, gps);
        return out.array();
    }

    private int pointers() {
        return (exif.isEmpty() ? 0 : 1) + (gps.isEmpty() ? 0 : 1);
    }

    private static int sizeOf(List<Entry> entries, int extraEntries) {
        if (entries.isEmpty() && extraEntries == 0) {
            return 0;
        }
        int size = 2 + 12 * (entries.size() + extraEntries) + 4;
        for (Entry e : entries) {
            size += e.value().length > 4 ? e.value().length : 0;
        }
        return size;
    }

    private static void writeDirectory(ByteBuffer out, int offset, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        out.position(offset);
        out.putShort((short) entries.size());
        int dataOffset = offset + 2 + 12 * entries.size() + 4;
        for (Entry e : entries) {
            out.putShort((short) e.tag()).putShort((short) e.type()).putInt(e.count());
            if (e.value().length > 4) {
                out.putInt(dataOffset);
                out.put(dataOffset, e.value());
                dataOffset += e.value().length;
            } else {
                out.put(Arrays.copyOf(e.value(), 4));
            }
        }
        out.putInt(0);
    }

    private static Entry ascii(int tag, String text) {
        byte[] value = (text + "\0").getBytes(StandardCharsets.US_ASCII);
        return new Entry(tag, 2, value.length, value);
    }

    private Entry rational(int tag, long... numeratorsAndDenominators) {
        ByteBuffer value = ByteBuffer.allocate(4 * numeratorsAndDenominators.length).order(order);
        for (long n : numeratorsAndDenominators) {
            value.putInt((int) n);
        }
        return new Entry(tag, 5, numeratorsAndDenominators.length / 2, value.array());
    }

    private byte[] int32(int value) {
        return ByteBuffer.allocate(4).order(order).putInt(value).array();
    }
}
