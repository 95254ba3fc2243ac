package id.slrt.referral.web;

import static id.slrt.platform.PdfParts.date;
import static id.slrt.platform.PdfParts.row;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.draw.LineSeparator;
import id.slrt.platform.SlrtProperties;
import id.slrt.platform.Texts;
import id.slrt.referral.PartnerAgency;
import id.slrt.referral.Referral;
import id.slrt.region.RegionService;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The numbered referral letter (A4) from the Dinas Sosial to the agency: letterhead with the district's
 * name, number and date, to whom, about whom (name, NIK masked but for its last four digits, address: what
 * the agency needs to find the person, nothing more), why, what is asked, by when, how to answer (the
 * single-referral link when one was just issued, else the SLRT log-in), and a signature block.
 */
@Component
class LetterPdf {
    private final Texts texts;
    private final RegionService regions;
    private final ZoneId zone;

    LetterPdf(Texts texts, RegionService regions, SlrtProperties properties) {
        this.texts = texts;
        this.regions = regions;
        this.zone = properties.timezone();
    }

    byte[] render(Referral r, PartnerAgency agency, String answerUrl, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 56, 56, 48, 48);
        PdfWriter.getInstance(doc, out);
        doc.addTitle(texts.get(locale, "referral.letter.title") + " " + r.number());
        doc.open();
        Font small = FontFactory.getFont(FontFactory.HELVETICA, 9);
        Font normal = FontFactory.getFont(FontFactory.HELVETICA, 11);
        Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
        String district = regions.district().name();

        Paragraph gov = new Paragraph(texts.get(locale, "referral.letter.government", district.toUpperCase(locale)),
                FontFactory.getFont(FontFactory.HELVETICA_BOLD, 13));
        gov.setAlignment(Element.ALIGN_CENTER);
        doc.add(gov);
        Paragraph office = new Paragraph(texts.get(locale, "referral.letter.office"),
                FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16));
        office.setAlignment(Element.ALIGN_CENTER);
        doc.add(office);
        Paragraph unit = new Paragraph(texts.get(locale, "referral.letter.unit"), small);
        unit.setAlignment(Element.ALIGN_CENTER);
        doc.add(unit);
        doc.add(new Chunk(new LineSeparator(1.5f, 100, null, Element.ALIGN_CENTER, -4)));

        LocalDate issued = r.createdAt().atZone(zone).toLocalDate();
        PdfPTable head = new PdfPTable(new float[] {1.2f, 4});
        head.setWidthPercentage(100);
        head.setSpacingBefore(14);
        plain(head, texts.get(locale, "referral.letter.number"), r.number(), normal, bold);
        plain(head, texts.get(locale, "referral.letter.date"), date(issued, locale), normal, normal);
        plain(head, texts.get(locale, "referral.letter.subject"), texts.get(locale, "referral.letter.subject-text"),
                normal, bold);
        doc.add(head);

        Paragraph to = new Paragraph(texts.get(locale, "referral.letter.to", agency.name()), normal);
        to.setSpacingBefore(14);
        doc.add(to);
        Paragraph opening = new Paragraph(texts.get(locale, "referral.letter.opening"), normal);
        opening.setSpacingBefore(10);
        doc.add(opening);

        PdfPTable who = new PdfPTable(new float[] {1.4f, 4});
        who.setWidthPercentage(100);
        who.setSpacingBefore(8);
        row(who, texts.get(locale, "referral.field.subjectName"), r.subjectName(), bold, normal);
        row(who, texts.get(locale, "referral.field.nik"), r.subjectNik() == null ? "-" : r.maskedNik(), bold, normal);
        row(who, texts.get(locale, "referral.field.address"), r.subjectAddress() == null ? "-" : r.subjectAddress(),
                bold, normal);
        row(who, texts.get(locale, "referral.field.reason"), r.reason(), bold, normal);
        row(who, texts.get(locale, "referral.field.requestedAction"), r.requestedAction(), bold, normal);
        row(who, texts.get(locale, "referral.field.acceptDue"), date(r.acceptDue(), locale), bold, normal);
        row(who, texts.get(locale, "referral.field.dueDate"), date(r.dueDate(), locale), bold, normal);
        if (r.contactName() != null || r.contactPhone() != null) {
            row(who, texts.get(locale, "referral.field.contact"), (r.contactName() == null ? "" : r.contactName())
                    + (r.contactPhone() == null ? "" : " (" + r.contactPhone() + ")"), bold, normal);
        }
        doc.add(who);

        Paragraph answer = new Paragraph(answerUrl == null ? texts.get(locale, "referral.letter.answer-login")
                : texts.get(locale, "referral.letter.answer-link"), normal);
        answer.setSpacingBefore(12);
        doc.add(answer);
        if (answerUrl != null) {
            Paragraph url = new Paragraph(answerUrl, FontFactory.getFont(FontFactory.COURIER, 9));
            url.setSpacingBefore(4);
            doc.add(url);
        }
        Paragraph closing = new Paragraph(texts.get(locale, "referral.letter.closing"), normal);
        closing.setSpacingBefore(12);
        doc.add(closing);

        Paragraph sign = new Paragraph(texts.get(locale, "referral.letter.sign-place", district, date(issued, locale))
                + "\n" + texts.get(locale, "referral.letter.sign-role") + "\n\n\n\n"
                + texts.get(locale, "referral.letter.sign-name"), normal);
        sign.setAlignment(Element.ALIGN_RIGHT);
        sign.setSpacingBefore(24);
        doc.add(sign);

        Paragraph privacy = new Paragraph(texts.get(locale, "referral.letter.privacy"), small);
        privacy.setSpacingBefore(24);
        doc.add(privacy);
        doc.close();
        return out.toByteArray();
    }

    private static void plain(PdfPTable table, String label, String value, Font labelFont, Font valueFont) {
        PdfPCell l = new PdfPCell(new Paragraph(label, labelFont));
        PdfPCell v = new PdfPCell(new Paragraph(": " + value, valueFont));
        l.setBorder(0);
        v.setBorder(0);
        table.addCell(l);
        table.addCell(v);
    }


}
