/**
 * Outgoing messages (email through SMTP, SMS and WhatsApp through an HTTP gateway) through an outbox: other
 * modules queue a message in their own transaction; a scheduled sender claims due messages, sends each
 * outside the database transaction and records the outcome, retrying with backoff until it is sent or
 * given up. One dedup key is one message, so a job that runs again does not send twice.
 */
package id.slrt.notify;
