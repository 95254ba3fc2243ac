/**
 * Pemutakhiran: change requests proposed in a desa, verified by the kecamatan supervisor, validated
 * and applied to the registry by the district SLRT operator, exported to SIKS-NG and closed by
 * Kemensos' result. Registry data changes only when a request is applied.
 */
package id.slrt.updating;
