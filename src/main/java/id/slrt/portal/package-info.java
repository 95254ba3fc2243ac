/**
 * Public pages without log-in, phone-first and in Bahasa Indonesia by default: the program list and
 * detail with search, and "which programs might fit me?" — a few questions answered by a small rule
 * table ({@link id.slrt.portal.FitRules}) that store nothing: the form is a GET, no session is made,
 * the answers are not logged.
 *
 * <p>Public questions and answers ({@link id.slrt.portal.Questions}): anyone asks (no session, no cookie;
 * a signed one-use form token, a honeypot and a per-client limit), moderators answer and publish, the
 * published answers are searchable (PostgreSQL full text) at /program/tanya and on each program's page.
 * The asker's contact is personal data under row-level security, read only by staff, audited.
 */
package id.slrt.portal;
