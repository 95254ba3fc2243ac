/**
 * Infrastructure every module uses: the database (embedded or external), the per-transaction
 * region scope that row-level security reads, start-up checks, languages, API errors and uploaded files.
 */
package id.slrt.platform;
