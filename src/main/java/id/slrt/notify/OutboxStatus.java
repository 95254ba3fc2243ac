package id.slrt.notify;

/**
 * Where a queued message stands. PENDING: not tried yet, or waiting for its channel to be configured or for a
 * recipient address; FAILED: tried, retried at its next attempt time; SENT; DEAD: given up after the last
 * attempt (an administrator may send it again).
 */
public enum OutboxStatus {
    PENDING, FAILED, SENT, DEAD;

    public String labelKey() {
        return "notify.status." + name();
    }
}
