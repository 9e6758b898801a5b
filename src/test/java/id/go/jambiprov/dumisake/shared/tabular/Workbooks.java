package id.go.jambiprov.dumisake.shared.tabular;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Workbooks written byte by byte, the way a hostile or unusual file would be: a minimal XLSX package whose
 * first sheet holds inline strings, streamed into the ZIP so that a 100 MB sheet costs the test no memory.
 */
public final class Workbooks {

    private Workbooks() {
    }

    /** A workbook with {@code rows} rows after the heading row, each made by {@code row} (cells as text). */
    public static byte[] inlineStrings(List<String> heading, int rows, IntFunction<List<String>> row) {
        return workbook(sheet -> {
            writeRow(sheet, 1, heading);
            for (int r = 1; r <= rows; r++) {
                writeRow(sheet, r + 1, row.apply(r));
            }
        }, null);
    }

    /** A workbook whose shared-strings part of random text inflates to {@code bytes} (the sheet is tiny). */
    public static byte[] sharedStringsOf(long bytes) {
        return workbook(sheet -> writeRow(sheet, 1, List.of("a")), strings -> {
            strings.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + MAIN + "\">");
            Random random = new Random(3);
            char[] text = new char[1_000];
            for (long written = 0; written < bytes; written += text.length) {
                for (int i = 0; i < text.length; i++) {
                    text[i] = (char) ('a' + random.nextInt(26));
                }
                strings.write("<si><t>");
                strings.write(text);
                strings.write("</t></si>");
            }
            strings.write("</sst>");
        });
    }

    /** A heading row, then a row of {@code blanks} empty styled cells and, after them, {@code last} (if not null). */
    public static byte[] rowOfBlankCells(int blanks, String last) {
        return workbook(sheet -> {
            writeRow(sheet, 1, List.of("a"));
            sheet.write("<row r=\"2\">");
            for (int i = 0; i < blanks; i++) {
                // styled, as a sheet formatted far to the right is: compresses less than 1:100
                sheet.write("<c s=\"" + (i * 7919 % 65_521) + "\"/>");
            }
            if (last != null) {
                sheet.write("<c t=\"inlineStr\"><is><t>" + last + "</t></is></c>");
            }
            sheet.write("</row>");
        }, null);
    }

    /** A workbook whose shared strings are {@code count} short distinct texts. */
    public static byte[] sharedStringItems(int count) {
        return workbook(sheet -> writeRow(sheet, 1, List.of("a")), strings -> {
            strings.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + MAIN + "\">");
            for (int i = 0; i < count; i++) {
                strings.write("<si><t>" + Integer.toString(i * 7919, 36) + "</t></si>");
            }
            strings.write("</sst>");
        });
    }

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private interface Part {
        void write(Writer out) throws IOException;
    }

    private static byte[] workbook(Part rows, Part sharedStrings) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            Writer out = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            entry(zip, out, "[Content_Types].xml", w -> w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + (sharedStrings == null ? "" : "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>")
                    + "</Types>"));
            entry(zip, out, "_rels/.rels", w -> w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + REL + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                    + "</Relationships>"));
            entry(zip, out, "xl/workbook.xml", w -> w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + REL + "\"><sheets>"
                    + "<sheet name=\"Penerima\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
            entry(zip, out, "xl/_rels/workbook.xml.rels", w -> w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"" + REL + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + (sharedStrings == null ? "" : "<Relationship Id=\"rId2\" Type=\"" + REL
                    + "/sharedStrings\" Target=\"sharedStrings.xml\"/>")
                    + "</Relationships>"));
            entry(zip, out, "xl/worksheets/sheet1.xml", w -> {
                w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + MAIN + "\"><sheetData>");
                rows.write(w);
                w.write("</sheetData></worksheet>");
            });
            if (sharedStrings != null) {
                entry(zip, out, "xl/sharedStrings.xml", sharedStrings);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, Writer out, String name, Part part) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        part.write(out);
        out.flush();
        zip.closeEntry();
    }

    private static void writeRow(Writer out, int number, List<String> cells) throws IOException {
        out.write("<row r=\"" + number + "\">");
        for (String cell : cells) {
            out.write("<c t=\"inlineStr\"><is><t>");
            out.write(cell.replace("&", "&amp;").replace("<", "&lt;"));
            out.write("</t></is></c>");
        }
        out.write("</row>");
    }
}
