package id.slrt.notify;

/** Filters of the delivery list: a status and a channel (their names, blank for all); newest first. */
public record OutboxQuery(String status, String channel) {
}
