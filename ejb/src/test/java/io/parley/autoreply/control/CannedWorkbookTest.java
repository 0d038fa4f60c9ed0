package io.parley.autoreply.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.autoreply.entity.CannedContent;
import io.parley.autoreply.entity.CannedResponse;
import io.parley.autoreply.entity.ImportPlan;
import io.parley.autoreply.entity.ImportPlan.Action;
import io.parley.autoreply.entity.MatchType;
import io.parley.autoreply.entity.SheetRow;
import io.parley.platform.entity.Refusal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class CannedWorkbookTest {

    private static final List<CannedResponse> STORED = List.of(
            new CannedResponse("a", new CannedContent("refund policy", "Refunds in 5 days.", MatchType.PARTIAL, "Billing", "refund", true)),
            new CannedResponse("b", new CannedContent("opening hours", "9 to 5.", MatchType.PARTIAL, null, null, true)),
            new CannedResponse("c", new CannedContent("hi", "Hello!", MatchType.EXACT, null, "hi-1", false)),
            new CannedResponse("d", new CannedContent("hi", "Hey!", MatchType.EXACT, null, null, true)));

    @Test
    void anExportReadBackChangesNothing() {
        List<SheetRow> rows = CannedWorkbook.read(CannedWorkbook.export(STORED), 100);
        assertThat(rows).extracting(SheetRow::number).containsExactly(2, 3, 4, 5);
        assertThat(rows.get(0)).isEqualTo(new SheetRow(2, "refund policy", "Refunds in 5 days.", "partial", "Billing", "refund", "yes"));
        ImportPlan plan = ImportCheck.plan("x", rows, STORED);
        // the two "hi": one found by its shortcut, the other as the one with that trigger and no shortcut
        assertThat(plan.rows()).extracting(ImportPlan.Row::action).containsOnly(Action.UNCHANGED);
        assertThat(plan.rows()).extracting(row -> row.target().id()).containsExactly("a", "b", "c", "d");
    }

    @Test
    void theTemplateHasTheHeadingsAndNoRows() throws IOException {
        byte[] template = CannedWorkbook.template();
        assertThat(CannedWorkbook.read(template, 10)).isEmpty();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            List<String> headings = new java.util.ArrayList<>();
            workbook.getSheetAt(0).getRow(0).forEach(cell -> headings.add(cell.getStringCellValue()));
            assertThat(headings).containsExactly("trigger", "response", "match type", "category", "shortcut", "active");
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(2).getCellComment().getString().getString()).contains("keyword");
            assertThat(workbook.getSheetName(1)).isEqualTo("How to fill in");
        }
    }

    @Test
    void eachBadRowIsRefusedWithItsNumberAndReasons() throws IOException {
        byte[] file = workbook(new String[][] {
                {"Trigger", "Response", "Match Type", "Shortcut", "Active"},
                {"shipping", "We ship in a day.", "Partial", "/Ship", ""},
                {"", "", "", "", ""},
                {"refund policy", "Refunds in 3 days now.", "partial", "refund", "yes"},
                {"", "No trigger.", "fuzzy", "ship", "maybe"},
                {"x".repeat(501), "Long.", "exact", "bad shortcut!", "no"},
        }, null);
        ImportPlan plan = ImportCheck.plan("x", CannedWorkbook.read(file, 100), STORED);
        assertThat(plan.rows()).extracting(row -> row.sheet().number()).containsExactly(2, 4, 5, 6);
        assertThat(plan.rows()).extracting(ImportPlan.Row::action).containsExactly(Action.CREATE, Action.UPDATE, Action.REFUSED, Action.REFUSED);
        assertThat(plan.rows().get(0).content().shortcut()).isEqualTo("ship");
        assertThat(plan.rows().get(1).changes()).containsExactly("response", "category");
        assertThat(plan.rows().get(2).reasons()).containsExactly("The trigger is empty.", "“fuzzy” is not a match type: write exact, partial or keyword.",
                "Active is “maybe”: write yes or no, or leave it empty for yes.", "The shortcut /ship is on row 2 too.");
        assertThat(plan.rows().get(3).reasons()).containsExactly("The trigger is longer than 500 characters (it has 501).",
                "“/bad shortcut!” is not a shortcut: use letters, digits, - and _ only, at most 50 of them, such as /refund.");
    }

    @Test
    void aFormulaAnywhereRefusesTheFile() throws IOException {
        byte[] file = workbook(new String[][] {{"trigger", "response", "match type"}, {"a", "b", "exact"}}, "1+1");
        assertThatThrownBy(() -> CannedWorkbook.read(file, 100)).isInstanceOf(Refusal.class)
                .hasMessageStartingWith("Cell D2 of the sheet “Canned responses” holds a formula (=1+1).");
    }

    @Test
    void aFileThatIsNoWorkbookOrAZipBombIsRefused() throws IOException {
        assertThatThrownBy(() -> CannedWorkbook.read("trigger,response\n".getBytes(), 100)).isInstanceOf(Refusal.class)
                .hasMessageStartingWith("This file is not an Excel workbook (.xlsx)");
        assertThatThrownBy(() -> CannedWorkbook.read(bomb(CannedWorkbook.template()), 100)).isInstanceOf(Refusal.class)
                .hasMessageContaining("zip bomb");
        assertThatThrownBy(() -> CannedWorkbook.read(workbook(new String[][] {{"trigger", "answer"}}, null), 100))
                .isInstanceOf(Refusal.class).hasMessageStartingWith("Cell B1 is headed “answer”, which is not a column Parley knows.");
    }

    @Test
    void moreRowsThanAllowedAreRefused() throws IOException {
        byte[] file = workbook(new String[][] {{"trigger", "response", "match type"}, {"a", "b", "exact"}, {"c", "d", "exact"}}, null);
        assertThatThrownBy(() -> CannedWorkbook.read(file, 1)).isInstanceOf(Refusal.class).hasMessageContaining("more than 1 rows");
    }

    private static byte[] workbook(String[][] cells, String formula) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Canned responses");
            for (int r = 0; r < cells.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < cells[r].length; c++) {
                    row.createCell(c).setCellValue(cells[r][c]);
                }
            }
            if (formula != null) {
                sheet.getRow(1).createCell(3).setCellFormula(formula);
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** The workbook with one more entry of 200 MB of zeros, which deflate to a few hundred KB. */
    static byte[] bomb(byte[] workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook)); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                zip.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(zip);
            }
            zip.putNextEntry(new ZipEntry("xl/media/zeros.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) {
                zip.write(zeros);
            }
        }
        return out.toByteArray();
    }
}
