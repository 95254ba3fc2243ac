package id.slrt.exchange;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Import and export settings: the largest file accepted ({@code SLRT_IMPORT_MAX_SIZE}), how many rows
 * are staged per COPY, how many households are checked per round trip; how many households an export
 * from the pages may have to be sent at once (larger ones run in the background), and how long the
 * file of a background export is kept.
 */
@ConfigurationProperties(prefix = "slrt.exchange")
public record ExchangeSettings(DataSize maxSize, int copyBatch, int householdBatch, long exportSyncHouseholds,
                               Duration exportKeep) {
    public ExchangeSettings {
        maxSize = maxSize == null ? DataSize.ofMegabytes(200) : maxSize;
        copyBatch = copyBatch <= 0 ? 5000 : copyBatch;
        householdBatch = householdBatch <= 0 ? 2000 : householdBatch;
        exportSyncHouseholds = exportSyncHouseholds <= 0 ? 20_000 : exportSyncHouseholds;
        exportKeep = exportKeep == null || exportKeep.isNegative() || exportKeep.isZero() ? Duration.ofHours(24) : exportKeep;
    }
}
