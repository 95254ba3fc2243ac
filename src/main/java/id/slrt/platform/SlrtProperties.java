package id.slrt.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The settings of one SLRT installation; README lists each with its environment variable. */
@ConfigurationProperties(prefix = "slrt")
public record SlrtProperties(
        Path dataDir,
        String district,
        boolean demo,
        ZoneId timezone,
        String adminPassword,
        Db db,
        Api api,
        Security security,
        Files files) {

    public record Db(String url, String user, String password, String appRole, Embedded embedded) {
        public boolean external() {
            return url != null && !url.isBlank();
        }
    }

    public record Embedded(boolean ephemeral) {
    }

    public record Api(Duration tokenTtl) {
    }

    public record Security(int maxFailedLogins, Duration lockout) {
    }

    /** Uploaded files: {@code maxSize} is the largest one accepted. */
    public record Files(DataSize maxSize) {
    }
}
