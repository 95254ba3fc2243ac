package id.slrt.complaint.web;

import id.slrt.platform.FileRejected;
import id.slrt.platform.FileStore;
import id.slrt.platform.StoredFile;
import id.slrt.platform.Texts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/** The attachments of a complaint form: each kept by the file store, or the first refusal as the field's message. */
@Component
class Attachments {
    static final int MAX_FILES = 5;
    private final FileStore files;
    private final Texts texts;

    Attachments(FileStore files, Texts texts) {
        this.files = files;
        this.texts = texts;
    }

    /** Stores the non-empty uploads; on a refusal puts its message under {@code files} in {@code errors}. */
    List<StoredFile> store(List<MultipartFile> uploads, Map<String, String> errors) {
        List<StoredFile> stored = new ArrayList<>();
        List<MultipartFile> given = uploads == null ? List.of()
                : uploads.stream().filter(u -> u != null && !u.isEmpty()).toList();
        if (given.size() > MAX_FILES) {
            errors.put("files", texts.get("complaint.files.too-many", MAX_FILES));
            return List.of();
        }
        for (MultipartFile upload : given) {
            try (InputStream in = upload.getInputStream()) {
                stored.add(files.store(in, upload.getOriginalFilename(), upload.getContentType()));
            } catch (FileRejected e) {
                errors.put("files", texts.get(e.messageCode(), e.args()));
                return List.of();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stored;
    }
}
