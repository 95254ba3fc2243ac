package id.slrt.complaint.web;

import static id.slrt.platform.PdfParts.date;
import static id.slrt.platform.PdfParts.row;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import id.slrt.complaint.PublicStatus;
import id.slrt.platform.Texts;
import id.slrt.region.RegionService;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The printable receipt of a complaint (A5): code, date, category, desa, the expected dates and how to
 * check the status. It names nobody and carries no NIK, so it may be handed, photographed or lost.
 */
@Component
class ReceiptPdf {
    private final Texts texts;
    private final RegionService regions;

    ReceiptPdf(Texts texts, RegionService regions) {
        this.texts = texts;
        this.regions = regions;
    }

    byte[] render(PublicStatus s, String statusUrl, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A5, 36, 36, 36, 36);
        PdfWriter.getInstance(doc, out);
        doc.addTitle(texts.get(locale, "complaint.receipt.title") + " " + s.trackingCode());
        doc.open();
        Font small = FontFactory.getFont(FontFactory.HELVETICA, 9);
        Font normal = FontFactory.getFont(FontFactory.HELVETICA, 11);
        Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
        doc.add(new Paragraph(texts.get(locale, "complaint.receipt.office", regions.district().name()), small));
        Paragraph title = new Paragraph(texts.get(locale, "complaint.receipt.title"),
                FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16));
        title.setSpacingBefore(6);
        doc.add(title);
        Paragraph code = new Paragraph(s.trackingCode(), FontFactory.getFont(FontFactory.COURIER_BOLD, 20));
        code.setAlignment(Element.ALIGN_CENTER);
        code.setSpacingBefore(12);
        code.setSpacingAfter(12);
        doc.add(code);

        PdfPTable table = new PdfPTable(new float[] {2, 3});
        table.setWidthPercentage(100);
        row(table, texts.get(locale, "complaint.receipt.filed"), date(s.filedOn(), locale), bold, normal);
        row(table, texts.get(locale, "complaint.field.category"), texts.get(locale, s.category().labelKey()), bold, normal);
        row(table, texts.get(locale, "complaint.receipt.desa"), desa(s.regionCode()), bold, normal);
        row(table, texts.get(locale, "complaint.public.acknowledge-by"), date(s.acknowledgeDue(), locale), bold, normal);
        row(table, texts.get(locale, "complaint.public.expected-by"), date(s.expectedBy(), locale), bold, normal);
        doc.add(table);

        Paragraph how = new Paragraph(texts.get(locale, "complaint.receipt.how", statusUrl), normal);
        how.setSpacingBefore(12);
        doc.add(how);
        Paragraph keep = new Paragraph(texts.get(locale, "complaint.receipt.keep"), small);
        keep.setSpacingBefore(8);
        doc.add(keep);
        doc.close();
        return out.toByteArray();
    }

    private String desa(String code) {
        String kecamatan = regions.find(code).map(r -> regions.label(r.parentCode())).orElse("");
        return regions.label(code) + (kecamatan.isEmpty() ? "" : ", " + kecamatan);
    }


}
