/**
 * Referral (rujukan) of a complaint or a household to a Dinas Sosial program unit or a partner agency:
 * a numbered letter, the agency's answer (accept or decline, then the outcome with a note and a document)
 * given as a MITRA user or through an expiring single-referral link, a service level with reminders, and
 * the outcome flowing back to the complaint. Depends on complaint, never the other way round.
 */
package id.slrt.referral;
