package id.go.jambiprov.dumisake.shared.tabular;

import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.tabular.TabularFileException.Reason;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The first sheet of a workbook, read with POI's event model: the sheet's XML is parsed as a stream (SAX)
 * and never held, each cell's text is capped while it is read, and the parts that POI does load whole
 * (shared strings, styles, the workbook) are checked by {@link WorkbookParts} before POI opens them.
 */
final class XlsxSheetReader extends DefaultHandler {

    private static final Logger log = LoggerFactory.getLogger(XlsxSheetReader.class);


    private final TabularFile.Budget budget;
    private final SharedStrings strings;
    private final StylesTable styles;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder formula = new StringBuilder();
    private List<String> cells = new ArrayList<>();
    private int row;
    private int column;
    private String type;
    private int style;
    private boolean inText;
    private boolean inFormula;
    private boolean inPhonetic;
    private boolean hasFormula;

    private XlsxSheetReader(TabularFile.Budget budget, SharedStrings strings, StylesTable styles) {
        this.budget = budget;
        this.strings = strings;
        this.styles = styles;
    }

    static void read(byte[] content, TabularLimits limits, TabularFile.Budget budget) {
        // POI reads a package from a file part by part; from a stream it would inflate every part first
        Path file = ImportTempFiles.write(content);
        try {
            WorkbookParts.check(file, limits);
            OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
            try {
                XSSFReader reader = new XSSFReader(workbook);
                // kept in memory as strings, never as a DOM; its size was counted by WorkbookParts
                reader.setUseReadOnlySharedStringsTable(true);
                SharedStrings strings = reader.getSharedStringsTable();
                StylesTable styles = styles(reader);
                Iterator<InputStream> sheets = reader.getSheetsData();
                if (!sheets.hasNext()) {
                    throw new TabularFileException(Reason.NOT_EXCEL);
                }
                try (InputStream sheet = WorkbookParts.capped(sheets.next(), limits.maxUnpackedBytes())) {
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new XlsxSheetReader(budget, strings, styles));
                    parser.parse(new InputSource(sheet));
                }
            } finally {
                workbook.revert();
            }
        } catch (BusinessRuleException e) {
            // a limit of the reader or a refusal of the import's own row handler
            throw e;
        } catch (Exception e) {
            // the SAX parser may wrap what the row handler threw
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof BusinessRuleException refused) {
                    throw refused;
                }
            }
            // what POI and the ZIP reader refuse is the file's doing (the disk was fine: the file was written)
            log.debug("Uploaded workbook refused as unreadable", e);
            throw new TabularFileException(Reason.NOT_EXCEL);
        } finally {
            ImportTempFiles.delete(file);
        }
    }

    /** The cell styles, which tell date cells from numbers; a workbook without them has no date cells. */
    private static StylesTable styles(XSSFReader reader) {
        try (InputStream data = reader.getStylesData()) {
            return new StylesTable(data);
        } catch (Exception e) {
            return null;
        }
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        switch (localName) {
            case "row" -> {
                String r = attributes.getValue("r");
                row = r == null ? row + 1 : Integer.parseInt(r);
                cells = new ArrayList<>();
            }
            case "c" -> {
                String reference = attributes.getValue("r");
                column = reference == null ? cells.size() : new CellReference(reference).getCol();
                type = attributes.getValue("t");
                String s = attributes.getValue("s");
                style = s == null ? -1 : Integer.parseInt(s);
                text.setLength(0);
                formula.setLength(0);
                hasFormula = false;
            }
            case "v", "t" -> inText = !inPhonetic;
            case "f" -> {
                inFormula = true;
                hasFormula = true;
            }
            case "rPh" -> inPhonetic = true;
            default -> {
                // other elements (formatting, merged cells …) say nothing about a cell's text
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        StringBuilder target = inFormula ? formula : inText ? text : null;
        if (target != null) {
            budget.cellLength(row, target.length() + length);
            target.append(ch, start, length);
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        switch (localName) {
            case "v", "t" -> inText = false;
            case "f" -> inFormula = false;
            case "rPh" -> inPhonetic = false;
            case "c" -> {
                String value = value();
                if (!budget.keeps(row, column, value)) {
                    return;
                }
                while (cells.size() < column) {
                    cells.add("");
                }
                if (column < cells.size()) {
                    cells.set(column, value);
                } else {
                    cells.add(value);
                }
            }
            case "row" -> budget.row(row, cells);
            default -> {
                // nothing to finish
            }
        }
    }

    private String value() {
        if (hasFormula) {
            return "=" + formula;
        }
        String raw = text.toString();
        if (type == null || type.equals("n")) {
            return raw.isEmpty() ? "" : number(raw);
        }
        return switch (type) {
            case "s" -> sharedString(raw);
            case "b" -> raw.equals("1") ? "TRUE" : "FALSE";
            default -> raw;
        };
    }

    private String sharedString(String index) {
        if (strings == null) {
            throw new TabularFileException(Reason.NOT_EXCEL);
        }
        try {
            return strings.getItemAt(Integer.parseInt(index)).getString();
        } catch (RuntimeException e) {
            throw new TabularFileException(Reason.NOT_EXCEL);
        }
    }

    private String number(String raw) {
        try {
            BigDecimal value = new BigDecimal(raw);
            if (isDate(value)) {
                return DateUtil.getLocalDateTime(value.doubleValue()).toLocalDate().toString();
            }
            return value.stripTrailingZeros().toPlainString().replace('.', ',');
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    private boolean isDate(BigDecimal value) {
        if (styles == null || style < 0 || style >= styles.getNumCellStyles()
                || !DateUtil.isValidExcelDate(value.doubleValue())) {
            return false;
        }
        XSSFCellStyle cellStyle = styles.getStyleAt(style);
        return cellStyle != null && DateUtil.isADateFormat(cellStyle.getDataFormat(), cellStyle.getDataFormatString());
    }
}
