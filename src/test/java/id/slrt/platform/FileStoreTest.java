package id.slrt.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStoreTest {
    private static final long MAX = 100_000;

    @TempDir
    Path dataDir;

    private FileStore store() {
        return new FileStore(dataDir.resolve("files"), MAX);
    }

    @Test
    void keepsTheContentUnderItsSha256AndReadsItBack() throws Exception {
        byte[] jpeg = image("jpg");
        StoredFile stored = store().store(new ByteArrayInputStream(jpeg), "kk.jpg", "image/jpeg");

        String sha = sha256(jpeg);
        assertThat(stored).isEqualTo(new StoredFile(sha, jpeg.length, "image/jpeg", "kk.jpg"));
        Path expected = dataDir.resolve("files").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
        assertThat(store().open(sha)).contains(expected.toAbsolutePath());
        try (InputStream in = store().read(sha)) {
            assertThat(in.readAllBytes()).isEqualTo(jpeg);
        }
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void theSameContentTwiceIsOneFile() throws Exception {
        byte[] png = image("png");
        StoredFile first = store().store(new ByteArrayInputStream(png), "rumah.png", "image/png");
        StoredFile second = store().store(new ByteArrayInputStream(png), "rumah-lagi.png", "image/png");

        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(second.originalName()).isEqualTo("rumah-lagi.png");
        assertThat(storedFiles()).hasSize(1);
    }

    @Test
    void theTypeComesFromTheBytesNotFromNameOrDeclaration() throws Exception {
        assertThat(typeOf(image("png"), "surat.pdf", "application/pdf")).isEqualTo("image/png");
        assertThat(typeOf(image("jpg"), "foto", null)).isEqualTo("image/jpeg");
        assertThat(typeOf(pdf(), "sktm.jpg", "image/jpeg")).isEqualTo("application/pdf");
        assertThat(typeOf(webp(), "rumah.webp", "application/octet-stream")).isEqualTo("image/webp");
    }

    @Test
    void refusesOtherTypesWhateverTheyClaimToBe() {
        byte[] script = "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
        assertRejected(() -> store().store(new ByteArrayInputStream(script), "ktp.jpg", "image/jpeg"),
                "file.type-not-allowed", "ktp.jpg");
        byte[] riffButNotWebp = "RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII);
        assertRejected(() -> store().store(new ByteArrayInputStream(riffButNotWebp), "suara.webp", "image/webp"),
                "file.type-not-allowed", "suara.webp");
        assertThat(storedFiles()).isEmpty();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void refusesMoreThanTheLimitAndAcceptsExactlyTheLimit() {
        byte[] atLimit = jpegOfSize(MAX);
        byte[] overLimit = jpegOfSize(MAX + 1);

        assertThat(store().store(new ByteArrayInputStream(atLimit), "pas.jpg", "image/jpeg").size()).isEqualTo(MAX);
        assertRejected(() -> store().store(new ByteArrayInputStream(overLimit), "besar.jpg", "image/jpeg"),
                "file.too-large", "besar.jpg", "97.7 KB");
        assertThat(storedFiles()).hasSize(1);
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void refusesAnEmptyUpload() {
        assertRejected(() -> store().store(InputStream.nullInputStream(), "", "image/jpeg"), "file.empty", "-");
    }

    @Test
    void keepsOnlyTheLastPartOfAClientPath() throws Exception {
        StoredFile stored = store().store(new ByteArrayInputStream(pdf()), "C:\\Users\\desa\\Berita acara.pdf", null);
        assertThat(stored.originalName()).isEqualTo("Berita acara.pdf");
    }

    @Test
    void acceptsOnlyASha256AsName() throws Exception {
        FileStore store = store();
        for (String bad : List.of("../../etc/passwd", "", "ab", "g".repeat(64), "a".repeat(63), "a".repeat(65),
                "../" + "a".repeat(61), "a".repeat(63) + "/")) {
            assertThatThrownBy(() -> store.open(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> store.open(null)).isInstanceOf(IllegalArgumentException.class);
        StoredFile stored = store.store(new ByteArrayInputStream(pdf()), "a.pdf", null);
        assertThat(store.open(stored.sha256().toUpperCase())).isPresent();
    }

    @Test
    void anUnknownSha256IsNotFound() {
        String unknown = "0".repeat(64);
        assertThat(store().open(unknown)).isEmpty();
        assertThatThrownBy(() -> store().read(unknown))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.messageCode()).isEqualTo("file.not-found"));
    }

    @Test
    void aFailingUploadStreamLeavesNothingBehind() {
        InputStream broken = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ < 10) {
                    return 0xFF;
                }
                throw new IOException("connection reset");
            }
        };
        assertThatThrownBy(() -> store().store(broken, "putus.jpg", "image/jpeg")).isInstanceOf(UncheckedIOException.class);
        assertThat(storedFiles()).isEmpty();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void sizesReadLikeAPersonWouldWriteThem() {
        assertThat(FileStore.readableSize(10L * 1024 * 1024)).isEqualTo("10 MB");
        assertThat(FileStore.readableSize(1536)).isEqualTo("1.5 KB");
        assertThat(FileStore.readableSize(999)).isEqualTo("999 B");
    }

    private String typeOf(byte[] content, String name, String declared) {
        return store().store(new ByteArrayInputStream(content), name, declared).contentType();
    }

    private static void assertRejected(Runnable upload, String messageCode, Object... args) {
        assertThatThrownBy(upload::run).isInstanceOfSatisfying(FileRejected.class, e -> {
            assertThat(e.messageCode()).isEqualTo(messageCode);
            assertThat(e.args()).containsExactly(args);
            assertThat(e.type()).isEqualTo(FileRejected.TYPE);
        });
    }

    private List<Path> storedFiles() {
        return filesUnder(dataDir.resolve("files")).stream().filter(p -> !p.getParent().endsWith("tmp")).toList();
    }

    private List<Path> leftovers() {
        return filesUnder(dataDir.resolve("files/tmp"));
    }

    private static List<Path> filesUnder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] image(String format) throws IOException {
        BufferedImage image = new BufferedImage(16, 8, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 4, 0x00FF8800);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    private static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    }

    /** The JDK writes no WebP; the RIFF header is all the store looks at. */
    private static byte[] webp() {
        return "RIFF\u0024\0\0\0WEBPVP8 \u0018\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] jpegOfSize(long size) {
        byte[] bytes = new byte[(int) size];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        Arrays.fill(bytes, 3, bytes.length, (byte) 7);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
