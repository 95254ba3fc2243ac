/**
 * File formats of SIKS-NG export batches: the BNBA list of applied change requests (usulan) that the
 * district uploads to Kemensos, written as CSV and XLSX by {@link id.slrt.updating.batch.BatchFileWriter},
 * and Kemensos' result file, read by {@link id.slrt.updating.batch.BatchResultReader}, that marks each
 * usulan confirmed or rejected. No database and no workflow here: rows in, bytes out, and back.
 * <p>
 * Column names follow DOMAIN.md §4 ({@link id.slrt.updating.batch.BatchColumn}). NIK and No. KK are
 * always text: Excel keeps only 15 significant digits of a number and shows 16-digit ids as
 * {@code 1.40901E+15}.
 */
package id.slrt.updating.batch;
