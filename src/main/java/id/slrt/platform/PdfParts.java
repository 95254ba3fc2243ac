package id.slrt.platform;

import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Pieces the printed documents share (the complaint receipt, the referral letter). */
public final class PdfParts {
    private PdfParts() {
    }

    /** A label and its value as one row of a two-column table with ruled cells. */
    public static void row(PdfPTable table, String label, String value, Font labelFont, Font valueFont) {
        PdfPCell l = new PdfPCell(new Paragraph(label, labelFont));
        PdfPCell v = new PdfPCell(new Paragraph(value, valueFont));
        l.setPadding(4);
        v.setPadding(4);
        table.addCell(l);
        table.addCell(v);
    }

    /** A date as letters write it ("14 Juli 2033"), or "-" when there is none. */
    public static String date(LocalDate d, Locale locale) {
        return d == null ? "-" : DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(d);
    }
}
