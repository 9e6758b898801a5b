package id.go.jambiprov.dumisake.report.internal;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;

import java.util.function.IntFunction;

/** "Halaman 2" and the report's name at the foot of every page but the title page. */
final class ReportPageNumbers extends PdfPageEventHelper {

    private static final Font SMALL = new Font(Font.HELVETICA, 8, Font.NORMAL);

    private final String footer;
    private final IntFunction<String> pageLabel;

    ReportPageNumbers(String footer, IntFunction<String> pageLabel) {
        this.footer = footer;
        this.pageLabel = pageLabel;
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        if (writer.getPageNumber() == 1) {
            return;
        }
        PdfContentByte canvas = writer.getDirectContent();
        ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(footer, SMALL), document.left(),
                document.bottom() - 25, 0);
        ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT,
                new Phrase(pageLabel.apply(writer.getPageNumber()), SMALL), document.right(), document.bottom() - 25, 0);
    }
}
