/**
 * The social registry: households (KK) and members (NIK), PPKS conditions, bank accounts, program
 * participation, the one validation service, search and history.
 */
package id.slrt.registry;
