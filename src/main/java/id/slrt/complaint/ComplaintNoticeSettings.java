package id.slrt.complaint;

import id.slrt.notify.DeliveryChannel;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a citizen who left a phone number is told about each stage: by SMS or WhatsApp ({@code channel}), with a
 * link to the status page at {@code publicUrl} (this installation's public address).
 */
@ConfigurationProperties(prefix = "slrt.complaint.notices")
public record ComplaintNoticeSettings(DeliveryChannel channel, String publicUrl) {

    public String statusUrl(String trackingCode) {
        String base = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
        return base + "/pengaduan/status?code=" + trackingCode;
    }

    public String staffUrl(java.util.UUID complaintId) {
        String base = publicUrl == null ? "" : publicUrl.replaceAll("/+$", "");
        return base + "/complaints/" + complaintId;
    }
}
