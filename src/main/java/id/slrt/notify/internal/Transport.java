package id.slrt.notify.internal;

import id.slrt.notify.OutboxMessage;

/** One way out of the server. {@link #send} returns normally when the other side accepted the message. */
interface Transport {

    void send(OutboxMessage message) throws Exception;
}
