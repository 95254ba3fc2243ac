/**
 * Complaints and needs (pengaduan, keluhan): intake from the public form, a Puskesos/SLRT operator or
 * the API; a readable, unguessable tracking code and a receipt; a public status by code; handling with
 * named steps, a timeline and service levels in working days. Referral, notifications and escalation
 * build on it.
 */
package id.slrt.complaint;
