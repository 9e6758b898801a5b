package id.go.jambiprov.dumisake.shared.tabular;

import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import id.go.jambiprov.dumisake.shared.tabular.TabularFileException.Reason;
import org.apache.commons.io.input.BoundedInputStream;
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

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The first sheet of a workbook, read with POI's event model: the sheet's XML is parsed as a stream (SAX)
 * and never held, each cell's text is capped while it is read, and the parts that POI does load whole
 * (shared strings, styles, the workbook) are inflated once with a cap before POI opens them.
 */
final class XlsxSheetReader extends DefaultHandler {

    private static final Logger log = LoggerFactory.getLogger(XlsxSheetReader.class);

    /** Far more than any real workbook's parts other than its sheets and shared strings. */
    private static final long PART_MAX = 8L * 1024 * 1024;
    private static final int ENTRIES_MAX = 1_000;
    /** The inflation ratio at which POI's ZipSecureFile takes a part for a zip bomb (its default 0.01). */
    private static final long INFLATE_MAX = 100;
    /** Distinct texts a row of a template may bring into the shared strings (a name, an address, a NIK …). */
    private static final int SHARED_STRINGS_PER_ROW = 6;
    private static final byte[] ITEM = {'<', 's', 'i'};

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
            checkParts(file, limits);
            OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ);
            try {
                XSSFReader reader = new XSSFReader(workbook);
                // kept in memory as strings, never as a DOM; its size was counted by checkParts
                reader.setUseReadOnlySharedStringsTable(true);
                SharedStrings strings = reader.getSharedStringsTable();
                StylesTable styles = styles(reader);
                Iterator<InputStream> sheets = reader.getSheetsData();
                if (!sheets.hasNext()) {
                    throw new TabularFileException(Reason.NOT_EXCEL);
                }
                try (InputStream sheet = capped(sheets.next(), limits.maxUnpackedBytes())) {
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

    /** Inflates every part except the sheets (read as a stream later) to count its true size. */
    private static void checkParts(Path file, TabularLimits limits) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > ENTRIES_MAX) {
                throw new TabularFileException(Reason.NOT_EXCEL);
            }
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                // POI refuses a part that inflates more than 1:100 while reading it (a zip bomb); said here
                // from the sizes the archive declares, it gets the message about size rather than "not Excel"
                if (entry.getCompressedSize() > 0 && entry.getSize() / entry.getCompressedSize() >= INFLATE_MAX) {
                    throw new TabularFileException(Reason.INFLATES_TOO_MUCH, INFLATE_MAX);
                }
                if (entry.getName().startsWith("xl/worksheets/")) {
                    // read as a stream later and counted then; a size declared too large is refused now
                    if (entry.getSize() > limits.maxUnpackedBytes()) {
                        throw new TabularFileException(Reason.UNPACKED_TOO_LARGE,
                                limits.maxUnpackedBytes() / (1024 * 1024));
                    }
                    continue;
                }
                boolean sharedStrings = entry.getName().equals("xl/sharedStrings.xml");
                try (InputStream part = capped(zip.getInputStream(entry), sharedStrings ? limits.maxTextChars() : PART_MAX)) {
                    if (!sharedStrings) {
                        part.transferTo(OutputStream.nullOutputStream());
                    } else if (items(part) > limits.maxRows() * SHARED_STRINGS_PER_ROW) {
                        // POI keeps each one as a string of its own: millions of tiny ones fill the heap
                        throw new TabularFileException(Reason.UNPACKED_TOO_LARGE, limits.maxTextChars() / (1024 * 1024));
                    }
                }
            }
        }
    }

    /** The number of {@code <si>} items in a shared-strings part, counted as it streams by. */
    private static long items(InputStream part) throws IOException {
        long items = 0;
        int matched = 0;
        byte[] buffer = new byte[64 * 1024];
        for (int read = part.read(buffer); read >= 0; read = part.read(buffer)) {
            for (int i = 0; i < read; i++) {
                byte b = buffer[i];
                if (matched == 3) {
                    if (b == '>' || b == '/' || b == ' ') {
                        items++;
                    }
                    matched = 0;
                }
                matched = b == ITEM[matched] ? matched + 1 : b == ITEM[0] ? 1 : 0;
            }
        }
        return items;
    }

    private static InputStream capped(InputStream in, long max) throws IOException {
        return BoundedInputStream.builder().setInputStream(in).setMaxCount(max).setPropagateClose(true)
                .setOnMaxCount((limit, count) -> {
                    throw new TabularFileException(Reason.UNPACKED_TOO_LARGE, max / (1024 * 1024));
                }).get();
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
