package id.go.jambiprov.dumisake.beneficiary.domain;

import id.go.jambiprov.dumisake.shared.BusinessRuleException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an uploaded XLSX or CSV file of beneficiaries into rows of text. Nothing is evaluated: a formula
 * cell of a workbook is read as its formula text, a CSV cell as the characters it holds.
 */
public final class ImportFile {

    public static final List<String> COLUMNS = List.of("nik", "name", "sex", "date_of_birth", "desa_code", "address",
            "phone", "welfare_decile", "allocation_id", "aid_amount", "aid_date", "aid_description");
    public static final int MAX_ROWS = 100_000;
    /** The key under which each row carries its row number in the file (header = 1). */
    public static final String ROW = "#row";

    private ImportFile() {
    }

    /** @return the data rows, each column name → text (blank cells as empty text), in file order */
    public static List<Map<String, String>> read(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw new BusinessRuleException("IMPORT_EMPTY", "import.empty");
        }
        List<List<String>> rows = isZip(content) ? xlsx(content) : csv(fileName, content);
        if (rows.isEmpty()) {
            throw new BusinessRuleException("IMPORT_EMPTY", "import.empty");
        }
        List<String> header = rows.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        if (!header.containsAll(COLUMNS.subList(0, 8))) {
            throw new BusinessRuleException("IMPORT_HEADER", "import.header", String.join(", ", COLUMNS));
        }
        List<Map<String, String>> data = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (String column : COLUMNS) {
                int index = header.indexOf(column);
                values.put(column, index >= 0 && index < row.size() ? row.get(index).strip() : "");
            }
            values.put(ROW, String.valueOf(r + 1));
            data.add(values);
        }
        if (data.isEmpty()) {
            throw new BusinessRuleException("IMPORT_EMPTY", "import.empty");
        }
        if (data.size() > MAX_ROWS) {
            throw new BusinessRuleException("IMPORT_TOO_LARGE", "import.tooLarge", MAX_ROWS);
        }
        return data;
    }

    private static boolean isZip(byte[] content) {
        return content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    private static List<List<String>> csv(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (!name.endsWith(".csv")) {
            throw wrongType();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw wrongType();
        }
        if (text.indexOf('\0') >= 0) {
            throw wrongType();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        char delimiter = firstLine(text).chars().filter(c -> c == ';').count()
                > firstLine(text).chars().filter(c -> c == ',').count() ? ';' : ',';
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).get().parse(new StringReader(text))) {
            for (CSVRecord record : parser) {
                rows.add(record.toList());
            }
        } catch (IOException | RuntimeException e) {
            throw new BusinessRuleException("IMPORT_UNREADABLE", "import.unreadable");
        }
        return rows;
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private static List<List<String>> xlsx(byte[] content) {
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                        cells.add(text(row.getCell(c), formatter));
                    }
                }
                rows.add(cells);
            }
        } catch (IOException | RuntimeException e) {
            throw wrongType();
        }
        return rows;
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.FORMULA) {
            return "=" + cell.getCellFormula();
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            return DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : new BigDecimal(Double.toString(cell.getNumericCellValue())).stripTrailingZeros().toPlainString();
        }
        return formatter.formatCellValue(cell);
    }

    private static BusinessRuleException wrongType() {
        return new BusinessRuleException("IMPORT_WRONG_TYPE", "import.wrongType");
    }

    /** A cell as a spreadsheet may show it without running it: text that starts like a formula gets a quote. */
    public static String neutralised(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
