package id.slrt.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Uploaded files (evidence photos, letters, imports), kept by content under
 * {@code SLRT_DATA_DIR/files/ab/cd/<sha256>}: the same content stored twice is one file. Only
 * JPEG, PNG, WebP and PDF are accepted, judged by the bytes themselves, up to {@code SLRT_FILES_MAX_SIZE}.
 * Metadata (who, what for) belongs to the caller's tables; this class only knows content.
 */
@Component
public class FileStore {
    private static final Logger log = LoggerFactory.getLogger(FileStore.class);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int BUFFER_SIZE = 64 * 1024;

    private final Path root;
    private final Path tmp;
    private final long maxSize;

    @Autowired
    FileStore(SlrtProperties props) {
        this(props.dataDir().resolve("files"), props.files().maxSize().toBytes());
    }

    FileStore(Path root, long maxSize) {
        this.root = root.toAbsolutePath().normalize();
        this.tmp = this.root.resolve("tmp");
        this.maxSize = maxSize;
    }

    /**
     * Keeps the content of {@code in} (read to its end, not closed) and returns how to find it again.
     *
     * @throws FileRejected when the content is empty, larger than the limit, or not an accepted type
     */
    public StoredFile store(InputStream in, String originalName, String declaredContentType) {
        return keep(in, originalName, maxSize, (name, received) -> {
            FileType type = FileType.sniff(received.head()).orElseThrow(() -> FileRejected.typeNotAllowed(name));
            noteMismatch(name, declaredContentType, type);
            return type.contentType();
        });
    }

    /**
     * Keeps a data file for an import (CSV or XLSX, e.g. Kemensos' result file) whose content the caller
     * checks by reading it: here only emptiness and size are checked, not the type. The content type is
     * XLSX for a ZIP container, CSV for anything else.
     */
    public StoredFile storeImport(InputStream in, String originalName) {
        return storeImport(in, originalName, maxSize);
    }

    /**
     * As {@link #storeImport(InputStream, String)}, with its own size limit: bulk import files (hundreds of
     * thousands of rows) are far larger than evidence photos.
     */
    public StoredFile storeImport(InputStream in, String originalName, long limit) {
        return keep(in, originalName, limit, (name, received) -> received.head()[0] == 'P' && received.head()[1] == 'K'
                ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
    }

    /**
     * Receives the content into a temporary file under the size limit, asks {@code contentType} what it is
     * (which may refuse it), and moves it into place under its sha256; the temporary file never stays.
     */
    private StoredFile keep(InputStream in, String originalName, long limit,
                            java.util.function.BiFunction<String, Received, String> contentType) {
        String name = displayName(originalName);
        try {
            Files.createDirectories(tmp);
            Path upload = Files.createTempFile(tmp, "upload-", ".part");
            try {
                Received received = receive(in, upload, name, limit);
                String type = contentType.apply(name, received);
                moveIntoPlace(upload, received.sha256());
                return new StoredFile(received.sha256(), received.size(), type, name);
            } finally {
                Files.deleteIfExists(upload);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store upload " + name, e);
        }
    }

    /** The stored file with this sha256, if there is one. */
    public Optional<Path> open(String sha256) {
        Path path = pathOf(sha256);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    /**
     * The content stored under this sha256; the caller closes the stream.
     *
     * @throws ProblemException not found when nothing is stored under it
     */
    public InputStream read(String sha256) {
        Path path = open(sha256).orElseThrow(() -> ProblemException.notFound("file.not-found"));
        try {
            return Files.newInputStream(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read stored file " + sha256, e);
        }
    }

    public long maxSize() {
        return maxSize;
    }

    private record Received(String sha256, long size, byte[] head) {
    }

    private Received receive(InputStream in, Path upload, String name, long limit) throws IOException {
        MessageDigest digest = sha256Digest();
        byte[] head = new byte[FileType.HEAD_LENGTH];
        byte[] buffer = new byte[BUFFER_SIZE];
        long size = 0;
        try (OutputStream out = Files.newOutputStream(upload)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (size + n > limit) {
                    throw FileRejected.tooLarge(name, readableSize(limit));
                }
                copyHead(buffer, n, size, head);
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
                size += n;
            }
        }
        if (size == 0) {
            throw FileRejected.empty(name);
        }
        return new Received(HexFormat.of().formatHex(digest.digest()), size, head);
    }

    private static void copyHead(byte[] buffer, int n, long position, byte[] head) {
        if (position < head.length) {
            System.arraycopy(buffer, 0, head, (int) position, Math.min(n, head.length - (int) position));
        }
    }

    private void moveIntoPlace(Path upload, String sha256) throws IOException {
        Path target = pathOf(sha256);
        if (Files.exists(target)) {
            return;
        }
        Files.createDirectories(target.getParent());
        try {
            // Readers never see a half-written file: the rename is the moment it appears.
            Files.move(upload, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException sameContentStoredMeanwhile) {
            // Another upload of the same bytes won the race; its file is ours too.
        }
    }

    private Path pathOf(String sha256) {
        String hash = sha256 == null ? "" : sha256.toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(hash).matches()) {
            throw new IllegalArgumentException("Not a sha256: " + sha256);
        }
        return root.resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash);
    }

    private static void noteMismatch(String name, String declaredContentType, FileType type) {
        if (declaredContentType != null && !declaredContentType.equalsIgnoreCase(type.contentType())) {
            log.debug("Upload {} declared as {} is {}", name, declaredContentType, type.contentType());
        }
    }

    /** Browsers on Windows may send the whole client path; only the last part names the file. */
    private static String displayName(String originalName) {
        String name = originalName == null ? "" : originalName.strip();
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    }

    static String readableSize(long bytes) {
        String[] units = {"B", "KB", "MB", "GB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
        return number + " " + units[unit];
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
