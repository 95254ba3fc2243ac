package id.slrt.complaint.internal;

import id.slrt.complaint.Complaint;
import id.slrt.complaint.ComplaintNoticeSettings;
import id.slrt.complaint.ComplaintStatus;
import id.slrt.notify.Notifications;
import id.slrt.notify.TextMessage;
import id.slrt.platform.Formats;
import id.slrt.platform.Texts;
import org.springframework.stereotype.Component;

/**
 * Tells a citizen who left a phone number about each stage of their complaint, by SMS or WhatsApp as set: the
 * tracking code, the stage in plain Indonesian and the status-page link, never a name, NIK or what they wrote.
 * Queued in the transaction of the change, once per complaint and stage. The service calls it with the
 * complaint in hand rather than through {@link id.slrt.complaint.ComplaintStageChanged}: a listener would read
 * the complaint back (with its phone number, which the event rightly does not carry) at every filing.
 */
@Component
public class CitizenNotices {
    private final Notifications notifications;
    private final ComplaintNoticeSettings settings;
    private final Texts texts;
    private final Formats fmt;

    CitizenNotices(Notifications notifications, ComplaintNoticeSettings settings, Texts texts, Formats fmt) {
        this.notifications = notifications;
        this.settings = settings;
        this.texts = texts;
        this.fmt = fmt;
    }

    /** Queues the notice of {@code to} for the complaint's citizen, when they left a phone number. */
    public void stageReached(Complaint c, ComplaintStatus to) {
        if (c.complainantPhone() == null) {
            return;
        }
        String url = settings.statusUrl(c.trackingCode());
        String body = to == ComplaintStatus.RECEIVED
                ? notifications.render("complaint.filed", c.trackingCode(), fmt.date(c.resolveDue()), url)
                : notifications.render("complaint.stage", c.trackingCode(),
                        texts.get(Texts.INDONESIAN, to.publicKey()), url);
        notifications.queue(new TextMessage(c.regionCode(), settings.channel(), c.complainantPhone(), body,
                "complaint.stage." + to.name(), dedupKey(c, to)));
    }

    static String dedupKey(Complaint c, ComplaintStatus stage) {
        return "complaint:" + c.id() + ":stage:" + stage.name();
    }
}
