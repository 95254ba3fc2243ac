package id.slrt.referral.internal;

import id.slrt.access.ActAs;
import id.slrt.access.SlrtUser;
import id.slrt.access.UserService;
import id.slrt.complaint.Channel;
import id.slrt.complaint.Complaint;
import id.slrt.complaint.ComplaintQuery;
import id.slrt.complaint.ComplaintService;
import id.slrt.complaint.Filing;
import id.slrt.platform.Scopes;
import id.slrt.platform.SlrtProperties;
import id.slrt.referral.NewReferral;
import id.slrt.referral.ReferralService;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * In demo mode, a few complaints in the demo operator's desa at different stages — one from the public form
 * still waiting, one being handled, one referred to Dukcapil, one resolved, one closed — so the complaint
 * list, a referral and the oversight page are not empty on a first look. Every step is taken through the
 * services as the demo user who would take it: timelines, routing, citizen messages and audit are real.
 */
@Component
class DemoComplaints {
    private static final Logger log = LoggerFactory.getLogger(DemoComplaints.class);

    private final ComplaintService complaints;
    private final ReferralService referrals;
    private final UserService users;
    private final Scopes scopes;
    private final boolean enabled;

    DemoComplaints(ComplaintService complaints, ReferralService referrals, UserService users, Scopes scopes,
                   SlrtProperties props, @Value("${slrt.demo-complaints:true}") boolean demoComplaints) {
        this.complaints = complaints;
        this.referrals = referrals;
        this.users = users;
        this.scopes = scopes;
        this.enabled = props.demo() && demoComplaints;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedOnce() {
        if (!enabled || scopes.asDistrict(() -> complaints.list(new ComplaintQuery("", null, null, null, false, null),
                0, 1).total()) > 0) {
            return;
        }
        try {
            seed();
        } catch (RuntimeException e) {
            // a demo nicety must never stop the application
            log.warn("Demo complaints not made: {}", e.getMessage());
        }
    }

    void seed() {
        Optional<SlrtUser> operator = user("operator");
        if (operator.isEmpty()) {
            return;
        }
        SlrtUser op = operator.get();
        String desa = op.regionScope();
        complaints.filePublic(new Filing(desa, "Siti Rahmah", "081234500011", null, null, "PROGRAM_NOT_RECEIVED",
                "PENGADUAN", "Sejak Agustus bantuan PKH keluarga kami tidak cair, padahal nama masih terdaftar."),
                List.of());

        Complaint health = as(op, () -> complaints.file(new Filing(desa, "Jumadi", null, null, null, "NEED_HEALTH",
                "PENGADUAN", "Ibu saya sakit stroke dan belum punya BPJS Kesehatan."), Channel.OPERATOR, List.of(), op));
        as(op, () -> complaints.acknowledge(health.id(), null, "Petugas datang ke rumah besok pagi", op));
        as(op, () -> complaints.start(health.id(), null, "Cek kepesertaan PBI-JK di DTKS", op));

        Complaint ktp = as(op, () -> complaints.file(new Filing(desa, "Rusdi Hamzah", "081234500022", null, null,
                "NEED_ID_DOCUMENTS", "PENGADUAN", "KTP-el hilang saat banjir; perlu untuk mencairkan bantuan."),
                Channel.OPERATOR, List.of(), op));
        as(op, () -> complaints.acknowledge(ktp.id(), null, null, op));
        as(op, () -> referrals.referComplaint(ktp.id(), new NewReferral("DUKCAPIL", null, null,
                "Mohon penerbitan ulang KTP-el karena hilang akibat banjir.", "Operator Puskesos", null), op));

        Complaint payment = as(op, () -> complaints.file(new Filing(desa, "Ustaz Hasan", null, null, null,
                "PAYMENT_PROBLEM", "PENGADUAN", "Insentif guru mengaji tidak masuk: nomor rekening di data kurang satu"
                + " angka."), Channel.OPERATOR, List.of(), op));
        as(op, () -> complaints.acknowledge(payment.id(), null, null, op));
        as(op, () -> complaints.resolve(payment.id(), null, "Nomor rekening diperbaiki; insentif cair bulan ini", op));

        Complaint food = as(op, () -> complaints.file(new Filing(desa, "Nurhayati", null, null, null, "NEED_FOOD",
                "PERTANYAAN", "Bagaimana cara mendaftar bantuan sembako?"), Channel.OPERATOR, List.of(), op));
        as(op, () -> complaints.acknowledge(food.id(), null, null, op));
        as(op, () -> complaints.resolve(food.id(), null, "Dijelaskan syarat dan diarahkan ke musyawarah desa", op));
        as(op, () -> complaints.close(food.id(), null, null, op));
        log.info("Demo: 5 complaints (one referred to DUKCAPIL) made in desa {}", desa);
    }

    private Optional<SlrtUser> user(String username) {
        return scopes.asDistrict(() -> users.principal(username));
    }

    /** Runs a step as the given demo user: scope and audit come from the principal, as for a real request. */
    private static <T> T as(SlrtUser user, Supplier<T> step) {
        return ActAs.user(user, step);
    }
}
