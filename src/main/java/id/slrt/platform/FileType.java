package id.slrt.platform;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** The file types uploads may have, recognised by their first bytes. */
enum FileType {
    JPEG("image/jpeg", 0, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
    // RIFF container: "RIFF", 4 bytes of length, then "WEBP".
    WEBP("image/webp", 8, ascii("WEBP")) {
        @Override
        boolean matches(byte[] head) {
            return startsWith(head, 0, ascii("RIFF")) && super.matches(head);
        }
    },
    PDF("application/pdf", 0, ascii("%PDF-"));

    /** How many leading bytes {@link #sniff} needs to tell every type apart. */
    static final int HEAD_LENGTH = 12;

    private final String contentType;
    private final int magicOffset;
    private final byte[] magic;

    FileType(String contentType, int magicOffset, byte[] magic) {
        this.contentType = contentType;
        this.magicOffset = magicOffset;
        this.magic = magic;
    }

    static Optional<FileType> sniff(byte[] head) {
        return Arrays.stream(values()).filter(type -> type.matches(head)).findFirst();
    }

    String contentType() {
        return contentType;
    }

    boolean matches(byte[] head) {
        return startsWith(head, magicOffset, magic);
    }

    private static boolean startsWith(byte[] head, int offset, byte[] expected) {
        return head.length >= offset + expected.length
                && Arrays.equals(head, offset, offset + expected.length, expected, 0, expected.length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
