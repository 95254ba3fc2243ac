package id.slrt.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The application's file store: under the data directory, 10 MB by default, rejections in both languages. */
@IntegrationTest
class FileStoreSettingsTest {
    @Autowired
    FileStore files;
    @Autowired
    SlrtProperties props;
    @Autowired
    Texts texts;

    @Test
    void keepsFilesUnderTheDataDirectoryUpToTenMegabytes() throws Exception {
        assertThat(files.maxSize()).isEqualTo(10L * 1024 * 1024);
        StoredFile stored = files.store(new ByteArrayInputStream(FileStoreTest.image("png")), "rumah.png", "image/png");

        assertThat(files.open(stored.sha256())).hasValueSatisfying(path -> {
            assertThat(path).startsWith(props.dataDir().resolve("files").toAbsolutePath().normalize());
            assertThat(Files.isRegularFile(path)).isTrue();
        });
    }

    @Test
    void rejectionsReadWellInBothLanguages() {
        String limit = FileStore.readableSize(files.maxSize());
        assertThat(texts.get(Texts.INDONESIAN, "file.too-large", "kk.jpg", limit))
                .isEqualTo("Berkas terlalu besar: kk.jpg (maksimal 10 MB).");
        assertThat(texts.get(Locale.ENGLISH, "file.too-large", "kk.jpg", limit))
                .isEqualTo("File too large: kk.jpg (at most 10 MB).");
        assertThat(texts.get(Texts.INDONESIAN, "file.type-not-allowed", "surat.docx")).contains("surat.docx", "JPEG", "PDF");
    }
}
