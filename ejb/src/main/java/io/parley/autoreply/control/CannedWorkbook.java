package io.parley.autoreply.control;

import io.parley.autoreply.entity.CannedResponse;
import io.parley.autoreply.entity.MatchType;
import io.parley.autoreply.entity.SheetRow;
import io.parley.platform.entity.Refusal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Canned responses in an Excel workbook (.xlsx, Apache POI): the template to fill in, the export of those stored, and
 * the reading of an upload. The first sheet holds one response a row under the headings of {@link Column}, in any
 * order; a second sheet explains each column. Cells are read as Excel shows them (POI's {@link DataFormatter}),
 * trimmed. A file that is not a workbook, inflates like a zip bomb (POI's {@link ZipSecureFile} limits, set here for
 * the whole server), holds a formula anywhere or has too many rows is refused whole, in words.
 */
public final class CannedWorkbook {

    /** The sheet the responses are on, and the one that explains it. */
    public static final String SHEET = "Canned responses";
    static final String HELP_SHEET = "How to fill in";

    /** An entry of the zip may inflate to at most 100 times its compressed size (POI's default, said here on purpose)... */
    static final double MIN_INFLATE_RATIO = 0.01;
    /** ...and to at most 64 MiB: 20,000 rows of the longest texts the columns take fit well within. */
    static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }

    /** The columns, as their headings say, with what the template tells about each. */
    public enum Column {
        TRIGGER("trigger", 30, true, "What the visitor writes that this response answers. For keyword, a comma-separated list of words.",
                "refund policy"),
        RESPONSE("response", 60, true, "The answer Parley sends, and the text an agent inserts.",
                "Refunds reach your card within 5 working days."),
        MATCH_TYPE("match type", 14, true, "exact: the whole message is the trigger. partial: the message contains the trigger. "
                + "keyword: any one of the trigger's words is in the message.", "partial"),
        CATEGORY("category", 18, false, "Optional. Any words, to group and filter responses in the console.", "Billing"),
        SHORTCUT("shortcut", 16, false, "Optional. What an agent types after / in the composer: letters, digits, - and _, "
                + "unique. A row with the shortcut of a stored response updates it; without one, the response with the same trigger.",
                "refund"),
        ACTIVE("active", 10, false, "yes or no. Empty is yes. Only active responses answer visitors.", "yes");

        final String heading;
        final int width;
        final boolean required;
        final String help;
        final String example;

        Column(String heading, int width, boolean required, String help, String example) {
            this.heading = heading;
            this.width = width;
            this.required = required;
            this.help = help;
            this.example = example;
        }

        /** The column a heading names: case, spaces, - and _ ignored ("Match type", "match_type", "MatchType"). */
        static Column named(String heading) {
            String key = heading.toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "");
            for (Column column : values()) {
                if (column.heading.replace(" ", "").equals(key)) {
                    return column;
                }
            }
            return null;
        }

        static String headings() {
            return String.join(", ", List.of(values()).stream().map(column -> column.heading).toList());
        }
    }

    private CannedWorkbook() {
    }

    /**
     * The rows of the first sheet that are not empty, in order.
     * @throws Refusal naming what makes the whole file unusable: not a workbook, a zip bomb, a formula, no headings,
     *                 more than {@code maxRows} rows
     */
    public static List<SheetRow> read(byte[] file, int maxRows) {
        FileMagic magic = FileMagic.valueOf(file);
        if (magic == FileMagic.OLE2) {
            throw new Refusal(Refusal.Kind.UNSUPPORTED_MEDIA_TYPE, "not_a_workbook", "This is an Excel 97-2003 workbook (.xls). "
                    + "Save it as an Excel Workbook (.xlsx) and import that.");
        }
        if (magic != FileMagic.OOXML) {
            throw notAWorkbook();
        }
        OPCPackage zip;
        try {
            zip = OPCPackage.open(new ByteArrayInputStream(file));
        } catch (IOException | RuntimeException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
            throw isZipBomb(e) ? zipBomb() : notAWorkbook();
        }
        try {
            XSSFWorkbook workbook = new XSSFWorkbook(zip);
            refuseFormulas(workbook);
            return rows(workbook.getSheetAt(0), maxRows);
        } catch (IOException | RuntimeException e) {
            if (e instanceof Refusal refusal) {
                throw refusal;
            }
            throw isZipBomb(e) ? zipBomb() : notAWorkbook();
        } finally {
            // opened for reading only: nothing is written back
            zip.revert();
        }
    }

    private static List<SheetRow> rows(Sheet sheet, int maxRows) {
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        Map<Column, Integer> columns = headings(sheet, formatter);
        List<SheetRow> rows = new ArrayList<>();
        for (int index = sheet.getFirstRowNum() + 1; index <= sheet.getLastRowNum(); index++) {
            Row row = sheet.getRow(index);
            if (row == null) {
                continue;
            }
            Map<Column, String> cells = new EnumMap<>(Column.class);
            columns.forEach((column, at) -> cells.put(column, formatter.formatCellValue(row.getCell(at)).strip()));
            if (cells.values().stream().allMatch(String::isEmpty)) {
                continue;
            }
            if (rows.size() == maxRows) {
                throw new Refusal(Refusal.Kind.INVALID, "too_many_rows", "The sheet “" + sheet.getSheetName() + "” has more than "
                        + String.format(Locale.ROOT, "%,d", maxRows) + " rows; Parley imports at most that many at a time. "
                        + "Split it into several workbooks.");
            }
            rows.add(new SheetRow(index + 1, cells.getOrDefault(Column.TRIGGER, ""), cells.getOrDefault(Column.RESPONSE, ""),
                    cells.getOrDefault(Column.MATCH_TYPE, ""), cells.getOrDefault(Column.CATEGORY, ""),
                    cells.getOrDefault(Column.SHORTCUT, ""), cells.getOrDefault(Column.ACTIVE, "")));
        }
        return rows;
    }

    /** Which column each heading of the sheet's first row is in. */
    private static Map<Column, Integer> headings(Sheet sheet, DataFormatter formatter) {
        Row first = sheet.getPhysicalNumberOfRows() == 0 ? null : sheet.getRow(sheet.getFirstRowNum());
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        if (first != null) {
            for (Cell cell : first) {
                String heading = formatter.formatCellValue(cell).strip();
                if (heading.isEmpty()) {
                    continue;
                }
                Column column = Column.named(heading);
                if (column == null) {
                    throw badHeadings(sheet, "Cell " + cell.getAddress() + " is headed “" + heading + "”, which is not a column Parley knows.");
                }
                if (columns.putIfAbsent(column, cell.getColumnIndex()) != null) {
                    throw badHeadings(sheet, "The column “" + column.heading + "” is there twice.");
                }
            }
        }
        List<String> missing = List.of(Column.values()).stream().filter(column -> column.required && !columns.containsKey(column))
                .map(column -> column.heading).toList();
        if (!missing.isEmpty()) {
            throw badHeadings(sheet, "The heading" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " missing.");
        }
        return columns;
    }

    private static Refusal badHeadings(Sheet sheet, String what) {
        return new Refusal(Refusal.Kind.INVALID, "bad_headings", what + " The first row of the sheet “" + sheet.getSheetName()
                + "” must have the headings " + Column.headings() + ", as in the template.");
    }

    private static void refuseFormulas(XSSFWorkbook workbook) {
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.FORMULA) {
                        throw new Refusal(Refusal.Kind.INVALID, "formula_in_cell", "Cell " + cell.getAddress() + " of the sheet “"
                                + sheet.getSheetName() + "” holds a formula (=" + cell.getCellFormula() + "). Parley imports what "
                                + "cells say, never formulas: copy the cells and paste them as values, then import again.");
                    }
                }
            }
        }
    }

    private static boolean isZipBomb(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            // POI's ZipSecureFile messages: an entry inflating too far, or too many entries
            if (message.startsWith("Zip bomb detected") || message.startsWith("The file appears to be potentially malicious")) {
                return true;
            }
        }
        return false;
    }

    private static Refusal zipBomb() {
        return new Refusal(Refusal.Kind.INVALID, "zip_bomb", "This file unpacks to far more than a workbook of its size could "
                + "hold (a zip bomb?), so Parley did not read it. Save the responses in a new workbook and import that.");
    }

    private static Refusal notAWorkbook() {
        return new Refusal(Refusal.Kind.UNSUPPORTED_MEDIA_TYPE, "not_a_workbook", "This file is not an Excel workbook (.xlsx) "
                + "Parley can read. Download the template, fill it in, and import that.");
    }

    /** An empty workbook with the headings, and a sheet that explains them. */
    public static byte[] template() {
        return write(List.of());
    }

    /** The responses, one a row, as {@link #read} reads them back. */
    public static byte[] export(List<CannedResponse> responses) {
        return write(responses);
    }

    private static byte[] write(List<CannedResponse> responses) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(SHEET);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle text = workbook.createCellStyle();
            // text, so that what a person types stays as typed ("007" is not 7)
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            text.setWrapText(false);
            Row headings = sheet.createRow(0);
            Drawing<?> drawing = sheet.createDrawingPatriarch();
            for (Column column : Column.values()) {
                Cell cell = headings.createCell(column.ordinal());
                cell.setCellValue(column.heading);
                cell.setCellStyle(bold);
                sheet.setColumnWidth(column.ordinal(), column.width * 256);
                sheet.setDefaultColumnStyle(column.ordinal(), text);
                ClientAnchor anchor = workbook.getCreationHelper().createClientAnchor();
                anchor.setCol1(column.ordinal());
                anchor.setCol2(column.ordinal() + 3);
                anchor.setRow1(0);
                anchor.setRow2(4);
                Comment comment = drawing.createCellComment(anchor);
                comment.setString(workbook.getCreationHelper().createRichTextString(column.help));
                comment.setAddress(new CellAddress(0, column.ordinal()));
                cell.setCellComment(comment);
            }
            sheet.createFreezePane(0, 1);
            int at = 1;
            for (CannedResponse response : responses) {
                Row row = sheet.createRow(at++);
                row.createCell(Column.TRIGGER.ordinal()).setCellValue(response.trigger());
                row.createCell(Column.RESPONSE.ordinal()).setCellValue(response.response());
                row.createCell(Column.MATCH_TYPE.ordinal()).setCellValue(response.matchType().wireName());
                row.createCell(Column.CATEGORY.ordinal()).setCellValue(response.category() == null ? "" : response.category());
                row.createCell(Column.SHORTCUT.ordinal()).setCellValue(response.shortcut() == null ? "" : response.shortcut());
                row.createCell(Column.ACTIVE.ordinal()).setCellValue(response.active() ? "yes" : "no");
            }
            choices(sheet, Column.MATCH_TYPE, List.of(MatchType.values()).stream().map(MatchType::wireName).toArray(String[]::new));
            choices(sheet, Column.ACTIVE, "yes", "no");
            help(workbook.createSheet(HELP_SHEET), bold);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A drop-down of the values a column takes, on the rows below its heading. */
    private static void choices(Sheet sheet, Column column, String... values) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        var validation = helper.createValidation(helper.createExplicitListConstraint(values),
                new CellRangeAddressList(1, 1_048_575, column.ordinal(), column.ordinal()));
        validation.setShowErrorBox(true);
        validation.createErrorBox("Not a " + column.heading, "Choose one of: " + String.join(", ", values));
        sheet.addValidationData(validation);
    }

    private static void help(Sheet sheet, CellStyle bold) {
        String[] headings = {"column", "required", "what to write", "example"};
        Row top = sheet.createRow(0);
        for (int i = 0; i < headings.length; i++) {
            Cell cell = top.createCell(i);
            cell.setCellValue(headings[i]);
            cell.setCellStyle(bold);
        }
        for (Column column : Column.values()) {
            Row row = sheet.createRow(column.ordinal() + 1);
            row.createCell(0).setCellValue(column.heading);
            row.createCell(1).setCellValue(column.required ? "yes" : "no");
            row.createCell(2).setCellValue(column.help);
            row.createCell(3).setCellValue(column.example);
        }
        Row note = sheet.createRow(Column.values().length + 2);
        note.createCell(0).setCellValue("One response a row, on the sheet “" + SHEET + "”, under its headings (row 1). Empty rows "
                + "are skipped. Cells are read as they show; formulas are refused. Nothing is imported while any row is refused.");
        sheet.setColumnWidth(0, 14 * 256);
        sheet.setColumnWidth(1, 10 * 256);
        sheet.setColumnWidth(2, 90 * 256);
        sheet.setColumnWidth(3, 40 * 256);
    }
}
