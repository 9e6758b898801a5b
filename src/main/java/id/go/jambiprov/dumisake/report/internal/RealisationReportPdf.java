package id.go.jambiprov.dumisake.report.internal;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import id.go.jambiprov.dumisake.dashboard.Figures;
import id.go.jambiprov.dumisake.dashboard.RegionRow;
import id.go.jambiprov.dumisake.dashboard.Summary;
import id.go.jambiprov.dumisake.shared.money.Rupiah;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.awt.Color;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * The layout of the realisation report (OpenPDF): title page, summary, a bar per kabupaten/kota, the
 * kecamatan table, the poverty targeting table ({@link TargetingReportSection}) and the signature block, always in Bahasa Indonesia. The figures are gathered by
 * {@link RealisationReportService}.
 */
@Component
class RealisationReportPdf {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id");
    private static final Color JAMBI_GREEN = new Color(0x0b, 0x5d, 0x3b);
    static final Color LIGHT = new Color(0xe9, 0xf1, 0xec);
    private static final Font TITLE = new Font(Font.HELVETICA, 20, Font.BOLD, JAMBI_GREEN);
    private static final Font SUBTITLE = new Font(Font.HELVETICA, 13, Font.NORMAL);
    private static final Font HEADING = new Font(Font.HELVETICA, 12, Font.BOLD, JAMBI_GREEN);
    private static final Font BODY = new Font(Font.HELVETICA, 10, Font.NORMAL);
    static final Font SMALL = new Font(Font.HELVETICA, 8, Font.NORMAL);
    static final Font SMALL_BOLD = new Font(Font.HELVETICA, 8, Font.BOLD);
    private static final Font BOLD = new Font(Font.HELVETICA, 10, Font.BOLD);

    private final MessageSource messages;
    private final TargetingReportSection targeting;

    RealisationReportPdf(MessageSource messages, TargetingReportSection targeting) {
        this.messages = messages;
        this.targeting = targeting;
    }

    void write(RealisationReportService.ReportFigures figures, OutputStream out) {
        Document document = new Document(PageSize.A4, 50, 50, 60, 60);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setPageEvent(new ReportPageNumbers(msg("report.pdf.footer", figures.year()),
                page -> msg("report.pdf.page", page)));
        document.addTitle(msg("report.pdf.title"));
        document.addAuthor(msg("report.pdf.issuer"));
        document.open();
        try {
            titlePage(document, figures.year(), figures.area(), figures.today());
            document.newPage();
            summary(document, figures.summary(), figures.area());
            chart(document, writer, figures.byKabupatenKota());
            document.newPage();
            kecamatanTable(document, figures.byKecamatan());
            targeting.write(document, figures.targeting());
            signature(document, figures.today());
        } finally {
            document.close();
        }
    }

    private void titlePage(Document document, int year, String area, String today) {
        document.add(spacer(150));
        document.add(centred(msg("report.pdf.issuer").toUpperCase(INDONESIAN), HEADING));
        document.add(spacer(40));
        document.add(centred(msg("report.pdf.title").toUpperCase(INDONESIAN), TITLE));
        document.add(centred(msg("report.pdf.programme"), SUBTITLE));
        document.add(spacer(20));
        document.add(centred(msg("report.pdf.fiscalYear", year), SUBTITLE));
        document.add(centred(area, SUBTITLE));
        document.add(spacer(220));
        document.add(centred(msg("report.pdf.placeDate", today), BODY));
    }

    private void summary(Document document, Summary summary, String area) {
        document.add(heading(msg("report.pdf.summary", area)));
        Figures f = summary.figures();
        PdfPTable table = new PdfPTable(new float[]{3, 2});
        table.setWidthPercentage(80);
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        figure(table, msg("report.pdf.kecamatanCount"), String.valueOf(summary.kecamatan()));
        figure(table, msg("report.pdf.pagu"), Rupiah.format(f.pagu()));
        figure(table, msg("report.pdf.allocated"), Rupiah.format(f.allocated()) + " (" + percent(f.allocatedPercent()) + ")");
        figure(table, msg("report.pdf.realised"), Rupiah.format(f.realised()) + " (" + percent(f.realisedPercent()) + ")");
        figure(table, msg("report.pdf.remaining"), Rupiah.format(f.remaining()));
        figure(table, msg("report.pdf.withoutRealisation"), String.valueOf(summary.kecamatanWithoutRealisation()));
        figure(table, msg("report.pdf.waiting"), summary.waitingVerification() + " (" + Rupiah.format(summary.waitingAmount()) + ")");
        document.add(table);
    }

    /** A horizontal bar per kabupaten/kota, drawn as vector graphics: realised share of its pagu. */
    private void chart(Document document, PdfWriter writer, List<RegionRow> rows) {
        document.add(heading(msg("report.pdf.chart")));
        float barHeight = 14;
        float gap = 6;
        float labelWidth = 150;
        float barWidth = 250;
        float height = rows.size() * (barHeight + gap) + 20;
        if (writer.getVerticalPosition(true) - height < document.bottom()) {
            document.newPage();
        }
        float top = writer.getVerticalPosition(true) - 10;
        float left = document.left();
        PdfContentByte canvas = writer.getDirectContent();
        float y = top;
        for (RegionRow row : rows) {
            BigDecimal share = row.figures().realisedPercent().min(BigDecimal.valueOf(100));
            float filled = barWidth * share.floatValue() / 100f;
            canvas.setColorFill(LIGHT);
            canvas.rectangle(left + labelWidth, y - barHeight, barWidth, barHeight);
            canvas.fill();
            canvas.setColorFill(JAMBI_GREEN);
            canvas.rectangle(left + labelWidth, y - barHeight, filled, barHeight);
            canvas.fill();
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(row.name(), SMALL), left,
                    y - barHeight + 4, 0);
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(percent(share), SMALL_BOLD),
                    left + labelWidth + barWidth + 6, y - barHeight + 4, 0);
            y -= barHeight + gap;
        }
        canvas.setColorStroke(Color.GRAY);
        canvas.moveTo(left + labelWidth, top + 2);
        canvas.lineTo(left + labelWidth, y + gap - 2);
        canvas.stroke();
        ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(msg("report.pdf.chartNote"), SMALL), left,
                y - 6, 0);
        document.add(spacer(top - y + 20));
    }

    private void kecamatanTable(Document document, List<RegionRow> rows) {
        document.add(heading(msg("report.pdf.table")));
        PdfPTable table = new PdfPTable(new float[]{0.9f, 2.6f, 2.6f, 2.4f, 2.4f, 2.4f, 1.2f});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String key : List.of("report.pdf.no", "report.col.kabupatenKota", "report.col.kecamatan",
                "report.col.pagu", "report.col.allocated", "report.col.realised", "report.pdf.percent")) {
            PdfPCell cell = new PdfPCell(new Phrase(msg(key), SMALL_BOLD));
            cell.setBackgroundColor(LIGHT);
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            table.addCell(cell);
        }
        Figures total = Figures.ZERO;
        int number = 1;
        for (RegionRow row : rows) {
            cell(table, String.valueOf(number++), SMALL, Element.ALIGN_RIGHT);
            cell(table, row.parentName(), SMALL, Element.ALIGN_LEFT);
            cell(table, row.name(), SMALL, Element.ALIGN_LEFT);
            cell(table, Rupiah.number(row.figures().pagu()), SMALL, Element.ALIGN_RIGHT);
            cell(table, Rupiah.number(row.figures().allocated()), SMALL, Element.ALIGN_RIGHT);
            cell(table, Rupiah.number(row.figures().realised()), SMALL, Element.ALIGN_RIGHT);
            cell(table, percent(row.figures().realisedPercent()), SMALL, Element.ALIGN_RIGHT);
            total = total.plus(row.figures());
        }
        PdfPCell label = new PdfPCell(new Phrase(msg("report.totals"), SMALL_BOLD));
        label.setColspan(3);
        table.addCell(label);
        cell(table, Rupiah.number(total.pagu()), SMALL_BOLD, Element.ALIGN_RIGHT);
        cell(table, Rupiah.number(total.allocated()), SMALL_BOLD, Element.ALIGN_RIGHT);
        cell(table, Rupiah.number(total.realised()), SMALL_BOLD, Element.ALIGN_RIGHT);
        cell(table, percent(total.realisedPercent()), SMALL_BOLD, Element.ALIGN_RIGHT);
        document.add(table);
        document.add(new Paragraph(msg("report.pdf.tableNote"), SMALL));
    }

    private void signature(Document document, String today) {
        PdfPTable block = new PdfPTable(new float[]{1, 1});
        block.setWidthPercentage(100);
        block.setSpacingBefore(30);
        block.setKeepTogether(true);
        PdfPCell empty = new PdfPCell(new Phrase(""));
        empty.setBorder(Rectangle.NO_BORDER);
        block.addCell(empty);
        Paragraph text = new Paragraph();
        text.add(new Chunk(msg("report.pdf.placeDate", today) + "\n", BODY));
        text.add(new Chunk(msg("report.pdf.signatory") + "\n\n\n\n\n", BODY));
        text.add(new Chunk(msg("report.pdf.signatureName") + "\n", BOLD));
        text.add(new Chunk(msg("report.pdf.signatureId"), BODY));
        PdfPCell signature = new PdfPCell(text);
        signature.setBorder(Rectangle.NO_BORDER);
        signature.setHorizontalAlignment(Element.ALIGN_CENTER);
        block.addCell(signature);
        document.add(block);
    }

    private static void figure(PdfPTable table, String label, String value) {
        cell(table, label, BODY, Element.ALIGN_LEFT);
        cell(table, value, BOLD, Element.ALIGN_RIGHT);
    }

    static void cell(PdfPTable table, String text, Font font, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null ? "" : text, font));
        cell.setHorizontalAlignment(alignment);
        cell.setPadding(4);
        table.addCell(cell);
    }

    static Paragraph heading(String text) {
        Paragraph heading = new Paragraph(text, HEADING);
        heading.setSpacingBefore(12);
        heading.setSpacingAfter(8);
        return heading;
    }

    private static Paragraph centred(String text, Font font) {
        Paragraph paragraph = new Paragraph(text, font);
        paragraph.setAlignment(Element.ALIGN_CENTER);
        paragraph.setSpacingAfter(6);
        return paragraph;
    }

    private static Paragraph spacer(float height) {
        Paragraph spacer = new Paragraph(" ");
        spacer.setSpacingBefore(height);
        return spacer;
    }

    private static String percent(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', ',') + "%";
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, INDONESIAN);
    }
}
