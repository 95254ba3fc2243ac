/**
 * Outgoing messages (email for now) through an outbox: other modules queue a message in their own
 * transaction; a sender delivers it later. One dedup key is one message, so a job that runs again
 * does not send twice.
 */
package id.slrt.notify;
