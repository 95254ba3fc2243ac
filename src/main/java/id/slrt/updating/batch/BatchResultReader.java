package id.slrt.updating.batch;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads Kemensos' result file for an export batch and says, row by row, which usulan were confirmed
 * or rejected and why. The format is recognised from the content, never from the file name: a ZIP
 * (XLSX) by its magic bytes, anything else as CSV (UTF-8 with or without BOM; comma, semicolon or
 * pipe, taken from the header line). Only the first sheet of an XLSX is read.
 * <p>
 * Columns are found by header name, case-insensitively, in any order, other columns ignored:
 * request number {@code nomor_usulan | no_usulan | id_usulan} and status
 * {@code status | hasil | status_verifikasi} are required; reason
 * {@code keterangan | alasan | catatan} and NIK {@code nomor_nik | nik} are optional.
 * <p>
 * No data row is dropped: each non-empty row becomes a {@link ResultLine} or a {@link ResultProblem}
 * (no request number, no or unknown status, a NIK that Excel turned into a number, a NIK that is not
 * 16 digits). A file that cannot be used as a whole gives file problems instead, see {@link BatchResult}.
 * The input stream is read to its end but not closed.
 */
public class BatchResultReader {
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    /** OLE2 compound file: a legacy .xls, or an XLSX protected by a password. */
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    public BatchResult read(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        byte[] magic = peek(buffered);
        if (Arrays.equals(magic, OLE2)) {
            return BatchResult.unreadable(new ResultProblem(0, "batch.result.old-excel"));
        }
        ResultInterpreter interpreter = new ResultInterpreter();
        try {
            if (Arrays.equals(magic, ZIP)) {
                XlsxRows.read(buffered, interpreter);
            } else {
                CsvRows.read(buffered, interpreter);
            }
        } catch (UnreadableFileException e) {
            return BatchResult.unreadable(e.problem());
        }
        return interpreter.result();
    }

    private static byte[] peek(BufferedInputStream in) throws IOException {
        in.mark(ZIP.length);
        byte[] magic = in.readNBytes(ZIP.length);
        in.reset();
        return magic;
    }
}
