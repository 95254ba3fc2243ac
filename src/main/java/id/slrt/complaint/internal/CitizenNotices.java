package id.slrt.complaint.internal;

import id.slrt.complaint.Complaint;
import id.slrt.complaint.ComplaintNoticeSettings;
import id.slrt.complaint.ComplaintStageChanged;
import id.slrt.complaint.ComplaintStatus;
import id.slrt.notify.Notifications;
import id.slrt.notify.TextMessage;
import id.slrt.platform.Formats;
import id.slrt.platform.Texts;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells a citizen who left a phone number about each stage of their complaint, by SMS or WhatsApp as set: the
 * tracking code, the stage in plain Indonesian and the status-page link, never a name, NIK or what they wrote.
 * Queued in the transaction of the change (a synchronous listener), once per complaint and stage.
 */
@Component
class CitizenNotices {
    private final ComplaintRepository complaints;
    private final Notifications notifications;
    private final ComplaintNoticeSettings settings;
    private final Texts texts;
    private final Formats fmt;

    CitizenNotices(ComplaintRepository complaints, Notifications notifications, ComplaintNoticeSettings settings,
                   Texts texts, Formats fmt) {
        this.complaints = complaints;
        this.notifications = notifications;
        this.settings = settings;
        this.texts = texts;
        this.fmt = fmt;
    }

    @EventListener
    void on(ComplaintStageChanged changed) {
        Complaint c = complaints.find(changed.complaintId()).orElse(null);
        if (c == null || c.complainantPhone() == null) {
            return;
        }
        String url = settings.statusUrl(c.trackingCode());
        String body = changed.to() == ComplaintStatus.RECEIVED
                ? notifications.render("complaint.filed", c.trackingCode(), fmt.date(c.resolveDue()), url)
                : notifications.render("complaint.stage", c.trackingCode(),
                        texts.get(Texts.INDONESIAN, changed.to().publicKey()), url);
        notifications.queue(new TextMessage(c.regionCode(), settings.channel(), c.complainantPhone(), body,
                "complaint.stage." + changed.to().name(), dedupKey(c, changed.to())));
    }

    static String dedupKey(Complaint c, ComplaintStatus stage) {
        return "complaint:" + c.id() + ":stage:" + stage.name();
    }
}
