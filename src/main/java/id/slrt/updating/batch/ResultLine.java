package id.slrt.updating.batch;

/**
 * A data row of a result file that was understood.
 *
 * @param lineNumber    line (CSV) or row (XLSX), 1-based, the header being line 1
 * @param requestNumber nomor_usulan, trimmed
 * @param nik           16-digit NIK, or null when the file has no NIK column or the cell is empty
 * @param outcome       confirmed or rejected
 * @param reason        Kemensos' note (keterangan/alasan/catatan), trimmed, or null
 */
public record ResultLine(int lineNumber, String requestNumber, String nik, Outcome outcome, String reason)
        implements ResultEntry {
}
