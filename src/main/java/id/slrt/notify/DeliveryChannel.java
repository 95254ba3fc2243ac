package id.slrt.notify;

/** How a message leaves the server: email through SMTP, SMS or WhatsApp through an HTTP gateway. */
public enum DeliveryChannel {
    EMAIL, SMS, WHATSAPP;

    public String labelKey() {
        return "notify.channel." + name();
    }
}
