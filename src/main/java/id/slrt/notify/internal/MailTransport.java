package id.slrt.notify.internal;

import id.slrt.notify.NotifySettings;
import id.slrt.notify.OutboxMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Email through SMTP with Spring's JavaMailSender ({@code spring.mail.*}): plain text, from {@code slrt.notify.mail-from}. */
@Component
class MailTransport implements Transport {
    private final ObjectProvider<JavaMailSender> mail;
    private final NotifySettings settings;

    MailTransport(ObjectProvider<JavaMailSender> mail, NotifySettings settings) {
        this.mail = mail;
        this.settings = settings;
    }

    @Override
    public void send(OutboxMessage m) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("no JavaMailSender: spring.mail.host is not set");
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(settings.mailFrom());
        message.setTo(m.recipientEmail());
        message.setSubject(m.subject());
        message.setText(m.body());
        sender.send(message);
    }
}
