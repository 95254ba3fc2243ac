/**
 * Eligibility: each program's criteria as named, versioned rules in a small typed rule language
 * ({@code any member (age >= 60)}, {@code household.desil <= 4}, joined with and/or/not), checked
 * against the registry's fields and codes, evaluated in memory or compiled to one set-based SQL query.
 * A preview counts matching households per desa as a rule is edited; a run over the district or a
 * region lists, per desa, households eligible but not receiving a program (exclusion) and receiving
 * but not eligible (inclusion), with the rule clauses that decided, keeping the rule versions it used.
 * A case becomes a program proposal (or ending) through the updating module's change requests.
 */
package id.slrt.eligibility;
