/**
 * Bulk exchange of DTKS / SIKS-NG / village files. This slice: import of households and members
 * from CSV (comma or semicolon; UTF-8 with or without BOM, or Windows-1252) and XLSX (streamed),
 * as a background job that stages every row, judges each household with the registry's own
 * validation service, and commits the accepted households in one transaction at the end, so a
 * cancelled or failed import leaves the registry unchanged. Error rows stay in a quarantine that
 * can be downloaded as XLSX, corrected and imported again.
 */
package id.slrt.exchange;
