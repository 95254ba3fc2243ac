/** Append-only audit trail: who did what to which entity, when and from where, with before and after. */
package id.slrt.audit;
