package id.slrt.exchange;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Import settings: the largest file accepted ({@code SLRT_IMPORT_MAX_SIZE}), how many rows are staged
 * per COPY, and how many households are checked per round trip.
 */
@ConfigurationProperties(prefix = "slrt.exchange")
public record ExchangeSettings(DataSize maxSize, int copyBatch, int householdBatch) {
    public ExchangeSettings {
        maxSize = maxSize == null ? DataSize.ofMegabytes(200) : maxSize;
        copyBatch = copyBatch <= 0 ? 5000 : copyBatch;
        householdBatch = householdBatch <= 0 ? 2000 : householdBatch;
    }
}
