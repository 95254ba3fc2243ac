package id.slrt.platform;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the TIFF structure inside an EXIF block: image file directories (IFDs) of tagged values.
 * Every offset comes from the file and may be wrong, so each read checks its bounds and answers
 * empty rather than failing.
 */
final class Tiff {
    private static final int ASCII = 2;
    private static final int SHORT = 3;
    private static final int LONG = 4;
    private static final int RATIONAL = 5;
    private static final int ENTRY_SIZE = 12;

    record Entry(int tag, int type, long count, int valuePosition) {
    }

    private final ByteBuffer data;

    private Tiff(ByteBuffer data) {
        this.data = data;
    }

    /** The TIFF block starting at {@code data}'s position, if its header ("II*\0" or "MM\0*") is right. */
    static Optional<Tiff> of(ByteBuffer data) {
        ByteBuffer tiff = data.slice();
        if (tiff.remaining() < 8) {
            return Optional.empty();
        }
        int byteOrder = tiff.getShort(0);
        if (byteOrder == 0x4949) {
            tiff.order(ByteOrder.LITTLE_ENDIAN);
        } else if (byteOrder == 0x4D4D) {
            tiff.order(ByteOrder.BIG_ENDIAN);
        } else {
            return Optional.empty();
        }
        return Short.toUnsignedInt(tiff.getShort(2)) == 42 ? Optional.of(new Tiff(tiff)) : Optional.empty();
    }

    Map<Integer, Entry> firstDirectory() {
        return directory(unsignedInt(4));
    }

    /** The IFD a pointer tag (a LONG or SHORT offset) leads to; empty when the tag is absent. */
    Map<Integer, Entry> directoryAt(Map<Integer, Entry> parent, int pointerTag) {
        return Optional.ofNullable(parent.get(pointerTag)).flatMap(this::number).map(this::directory).orElse(Map.of());
    }

    Optional<String> ascii(Entry entry) {
        if (entry == null || entry.type() != ASCII) {
            return Optional.empty();
        }
        return valueStart(entry, entry.count()).map(start -> {
            byte[] bytes = new byte[(int) entry.count()];
            data.get(start, bytes);
            String text = new String(bytes, StandardCharsets.US_ASCII);
            int end = text.indexOf('\0');
            return end < 0 ? text : text.substring(0, end);
        });
    }

    /** {@code n} unsigned rationals as doubles; empty if there are fewer or a denominator is 0. */
    Optional<double[]> rationals(Entry entry, int n) {
        if (entry == null || entry.type() != RATIONAL || entry.count() < n) {
            return Optional.empty();
        }
        Optional<Integer> start = valueStart(entry, 8L * n);
        if (start.isEmpty()) {
            return Optional.empty();
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            long numerator = unsignedInt(start.get() + 8 * i);
            long denominator = unsignedInt(start.get() + 8 * i + 4);
            if (denominator == 0) {
                return Optional.empty();
            }
            values[i] = (double) numerator / denominator;
        }
        return Optional.of(values);
    }

    private Optional<Long> number(Entry entry) {
        return switch (entry.type()) {
            case SHORT -> Optional.of((long) Short.toUnsignedInt(data.getShort(entry.valuePosition())));
            case LONG -> Optional.of(unsignedInt(entry.valuePosition()));
            default -> Optional.empty();
        };
    }

    private Map<Integer, Entry> directory(long offset) {
        if (!fits(offset, 2)) {
            return Map.of();
        }
        int position = (int) offset;
        int count = Short.toUnsignedInt(data.getShort(position));
        Map<Integer, Entry> entries = new HashMap<>();
        for (int i = 0; i < count && fits(position + 2L + (long) i * ENTRY_SIZE, ENTRY_SIZE); i++) {
            int at = position + 2 + i * ENTRY_SIZE;
            int tag = Short.toUnsignedInt(data.getShort(at));
            entries.putIfAbsent(tag, new Entry(tag, Short.toUnsignedInt(data.getShort(at + 2)), unsignedInt(at + 4), at + 8));
        }
        return entries;
    }

    /** Values of up to 4 bytes sit in the entry itself; longer ones at the offset the entry holds. */
    private Optional<Integer> valueStart(Entry entry, long length) {
        long start = length <= 4 ? entry.valuePosition() : unsignedInt(entry.valuePosition());
        return fits(start, length) ? Optional.of((int) start) : Optional.empty();
    }

    private long unsignedInt(int position) {
        return fits(position, 4) ? Integer.toUnsignedLong(data.getInt(position)) : -1;
    }

    private boolean fits(long start, long length) {
        return start >= 0 && length >= 0 && start + length <= data.limit();
    }
}
