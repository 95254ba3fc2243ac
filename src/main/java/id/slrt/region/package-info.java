/** Kemendagri region codes and names (provinsi to desa/kelurahan), look-ups and the region picker. */
package id.slrt.region;
