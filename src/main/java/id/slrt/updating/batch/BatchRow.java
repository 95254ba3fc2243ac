package id.slrt.updating.batch;

import id.slrt.registry.Relationship;
import id.slrt.registry.Sex;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One line of a SIKS-NG export batch: an applied change request and the DTKS BNBA data of the person
 * it concerns. Only {@code requestNumber} and {@code action} are required; a removal, for example,
 * needs little more than the NIK. Columns and their order are in {@link BatchColumn}.
 *
 * @param requestNumber    nomor_usulan, e.g. {@code UP-2026-000123}
 * @param action           jenis_usulan
 * @param idDtks           iddtks, the person's DTKS id when already listed
 * @param provinsi         provinsi name
 * @param kabupatenKota    kabupaten_kota name
 * @param kecamatan        kecamatan name
 * @param desaKelurahan    desa_kelurahan name
 * @param alamat           street address
 * @param dusun            dusun / lingkungan
 * @param rt               RT, as written (keeps leading zeros, {@code "003"})
 * @param rw               RW, as written
 * @param nomorKk          nomor_kk, 16 digits
 * @param nomorNik         nomor_nik, 16 digits
 * @param nama             full name
 * @param tanggalLahir     date of birth, written {@code yyyy-MM-dd}
 * @param tempatLahir      place of birth
 * @param jenisKelamin     written as DTKS code 1 (L) or 2 (P)
 * @param namaIbuKandung   mother's maiden name
 * @param hubunganKeluarga written as DTKS code 1–8
 * @param keterangan       reason or note for Kemensos
 */
public record BatchRow(
        String requestNumber,
        BatchAction action,
        String idDtks,
        String provinsi,
        String kabupatenKota,
        String kecamatan,
        String desaKelurahan,
        String alamat,
        String dusun,
        String rt,
        String rw,
        String nomorKk,
        String nomorNik,
        String nama,
        LocalDate tanggalLahir,
        String tempatLahir,
        Sex jenisKelamin,
        String namaIbuKandung,
        Relationship hubunganKeluarga,
        String keterangan) {

    public BatchRow {
        Objects.requireNonNull(action, "action");
        if (requestNumber == null || requestNumber.isBlank()) {
            throw new IllegalArgumentException("requestNumber is required");
        }
    }
}
