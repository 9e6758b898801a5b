package id.go.jambiprov.dumisake.report.internal;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import id.go.jambiprov.dumisake.shared.money.Rupiah;
import id.go.jambiprov.dumisake.targeting.RegionTargeting;
import id.go.jambiprov.dumisake.targeting.TargetingOverview;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/**
 * The poverty targeting section of the realisation report: per kabupaten/kota and for the province P0, poor
 * people, realised rupiah per poor person and coverage, "data belum tersedia" where BPS published nothing,
 * "–" for a ratio without a denominator, and the source note.
 */
@Component
class TargetingReportSection {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id");

    private final MessageSource messages;

    TargetingReportSection(MessageSource messages) {
        this.messages = messages;
    }

    void write(Document document, TargetingOverview overview) {
        document.add(RealisationReportPdf.heading(msg("targeting.report.heading")));
        PdfPTable table = new PdfPTable(new float[]{2.6f, 2.2f, 2.2f, 2.4f, 1.4f});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String key : List.of("targeting.col.region", "targeting.col.povertyRate", "targeting.col.poorPeople",
                "targeting.col.realisedPerPoorPerson", "targeting.col.coverage")) {
            PdfPCell cell = new PdfPCell(new Phrase(msg(key), RealisationReportPdf.SMALL_BOLD));
            cell.setBackgroundColor(RealisationReportPdf.LIGHT);
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            table.addCell(cell);
        }
        overview.regions().forEach(region -> row(table, region, false));
        row(table, overview.province(), true);
        document.add(table);
        document.add(new Paragraph(msg("targeting.report.note", overview.year()), RealisationReportPdf.SMALL));
    }

    private void row(PdfPTable table, RegionTargeting r, boolean bold) {
        var font = bold ? RealisationReportPdf.SMALL_BOLD : RealisationReportPdf.SMALL;
        String missing = msg("targeting.missing");
        RealisationReportPdf.cell(table, r.name(), font, Element.ALIGN_LEFT);
        RealisationReportPdf.cell(table, r.povertyRate() == null ? missing : decimal(r.povertyRate()) + "%", font,
                Element.ALIGN_RIGHT);
        RealisationReportPdf.cell(table, r.poorPeople() == null ? missing
                : NumberFormat.getIntegerInstance(INDONESIAN).format(r.poorPeople()), font, Element.ALIGN_RIGHT);
        RealisationReportPdf.cell(table, r.realisedPerPoorPerson() == null ? "–" : Rupiah.format(r.realisedPerPoorPerson()),
                font, Element.ALIGN_RIGHT);
        RealisationReportPdf.cell(table, r.coverage() == null ? "–" : decimal(r.coverage()) + "%", font,
                Element.ALIGN_RIGHT);
    }

    private static String decimal(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args, INDONESIAN);
    }
}
