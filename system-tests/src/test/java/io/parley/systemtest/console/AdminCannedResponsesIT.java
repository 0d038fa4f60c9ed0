package io.parley.systemtest.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FilePayload;
import io.parley.systemtest.support.Api;
import io.parley.systemtest.support.ChatClient;
import io.parley.systemtest.support.Chromium;
import io.parley.systemtest.support.Chromium.RunningChromium;
import io.parley.systemtest.support.ConsolePage;
import io.parley.systemtest.support.ParleyEnvironment;
import io.parley.systemtest.support.WidgetDesk;
import io.parley.systemtest.support.WidgetDesk.RunningDesk;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin's Canned responses page in Chromium: creating, editing, filtering, switching off and deleting; importing a
 * workbook built here with Apache POI, as Excel writes one, whose refused rows are shown and keep it from being
 * imported until the file is fixed — and then a visitor is answered by one of its responses. Over HTTP: the files that
 * are refused whole (no workbook, a zip bomb, a formula, too large) store nothing, and an export imported again changes
 * nothing.
 */
@ExtendWith({WidgetDesk.class, Chromium.class})
class AdminCannedResponsesIT {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String[] HEADINGS = {"trigger", "response", "match type", "category", "shortcut", "active"};

    @Test
    void anAdminAddsEditsFiltersSwitchesOffAndDeletesACannedResponse(RunningDesk desk, RunningChromium chromium) {
        String tag = tag();
        try (BrowserContext browser = chromium.visitor(1280, 900)) {
            ConsolePage console = openPage(browser, desk);
            Page page = console.page();
            console.assertAccessible("the canned responses");

            console.button("New response").click();
            Locator form = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("New canned response"));
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
            // nothing sent: what is missing is said next to each field
            assertThat(form.getByText("Trigger is required.")).isVisible();
            assertThat(form.getByText("Response is required.")).isVisible();
            assertThat(form.getByLabel("Trigger")).hasAttribute("aria-invalid", "true");
            form.getByLabel("Trigger").fill("delivery time " + tag);
            form.getByLabel("Response").fill("Parcels arrive within 3 working days.");
            form.getByLabel("Match type").selectOption("partial");
            form.getByLabel("Category (optional)").fill("Shipping " + tag);
            form.getByLabel("Shortcut (optional)").fill("/not a shortcut");
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
            assertThat(form.getByText("Use letters, digits, - and _ only (at most 50), such as refund.")).isVisible();
            form.getByLabel("Shortcut (optional)").fill("/eta-" + tag);
            console.assertAccessible("the form of a new canned response");
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
            assertThat(form).isHidden();

            Locator rows = rows(page);
            Locator row = rows.filter(new Locator.FilterOptions().setHasText("delivery time " + tag));
            assertThat(row).containsText("Parcels arrive within 3 working days.");
            assertThat(row).containsText("Partial");
            assertThat(row).containsText("Shipping " + tag);
            assertThat(row).containsText("/eta-" + tag);

            // a second one, in another category, to filter between them
            console.button("New response").click();
            form = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("New canned response"));
            form.getByLabel("Trigger").fill("refund " + tag);
            form.getByLabel("Response").fill("Refunds reach your card within 5 days.");
            form.getByLabel("Match type").selectOption("keyword");
            form.getByLabel("Category (optional)").fill("Billing " + tag);
            form.getByLabel("Shortcut (optional)").fill("eta-" + tag);
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
            // the server refuses a shortcut taken, in words, and the form stays as it was
            assertThat(form.getByRole(AriaRole.ALERT)).containsText("The shortcut /eta-" + tag + " is already the response to “delivery time " + tag + "”");
            form.getByLabel("Shortcut (optional)").fill("refund-" + tag);
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
            assertThat(form).isHidden();

            page.getByLabel("Search").fill(tag);
            assertThat(rows).hasCount(2);
            page.getByLabel("Search").fill("/refund-" + tag);
            assertThat(rows).hasCount(1);
            assertThat(rows).containsText("refund " + tag);
            page.getByLabel("Search").fill(tag);
            page.getByLabel("Category").selectOption("Shipping " + tag);
            assertThat(rows).hasCount(1);
            assertThat(rows).containsText("delivery time " + tag);
            page.getByLabel("Category").selectOption("");

            console.button("Edit delivery time " + tag).click();
            form = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Edit the canned response"));
            assertThat(form.getByLabel("Trigger")).hasValue("delivery time " + tag);
            form.getByLabel("Response").fill("Parcels arrive within 2 working days now.");
            form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
            assertThat(form).isHidden();
            assertThat(row).containsText("Parcels arrive within 2 working days now.");

            Locator active = page.getByRole(AriaRole.SWITCH, new Page.GetByRoleOptions().setName("Active: delivery time " + tag));
            assertThat(active).isChecked();
            active.click();
            assertThat(active).not().isChecked();
            page.getByLabel("Active", new Page.GetByLabelOptions().setExact(true)).selectOption("false");
            assertThat(rows).hasCount(1);
            assertThat(rows).containsText("delivery time " + tag);
            assertThat(stored(desk, tag)).anySatisfy(response -> {
                assertThat(response.path("trigger").asText()).isEqualTo("delivery time " + tag);
                assertThat(response.path("active").asBoolean()).isFalse();
                assertThat(response.path("response").asText()).isEqualTo("Parcels arrive within 2 working days now.");
            });
            page.getByLabel("Active", new Page.GetByLabelOptions().setExact(true)).selectOption("");

            console.button("Delete delivery time " + tag).click();
            Locator confirm = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Delete the canned response?"));
            assertThat(confirm).containsText("“delivery time " + tag + "” stops answering visitors at once");
            console.assertAccessible("the question before deleting");
            confirm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete")).click();
            assertThat(confirm).isHidden();
            assertThat(rows).hasCount(1);
            assertThat(stored(desk, tag)).extracting(response -> response.path("trigger").asText()).containsExactly("refund " + tag);

            page.getByLabel("Search").fill("nothing like it " + tag);
            assertThat(page.getByText("No canned response matches the search and filters.")).isVisible();
            // audited, each change of this test's own (the log is shared with every other test on the desk)
            for (String action : List.of("create", "update", "delete")) {
                JsonNode audit = desk.api().get("/api/admin/audit?size=200&action=canned-response." + action, desk.admin()).body().path("items");
                assertThat(audit.findValuesAsText("detail")).as(action).anySatisfy(detail -> assertThat(detail).contains(tag));
            }
            assertThat(console.errors()).as("the browser's console").isEmpty();
        } finally {
            removeTagged(desk, tag);
        }
    }

    @Test
    void aWorkbookWithTwoBadRowsIsShownAndRefusedThenFixedImportedAndItsResponsesAnswerVisitors(RunningDesk desk, RunningChromium chromium) {
        String tag = tag();
        String parcel = "Your parcel " + tag + " is on its way: the tracking link is in your e-mail.";
        String[][] bad = {
                {"where is my parcel " + tag, parcel, "partial", "Shipping", "parcel-" + tag, "yes"},
                {"opening hours " + tag, "We are open 9 to 5.", "exact", "General", "hours-" + tag, ""},
                {"refund " + tag, "", "keyword", "Billing", "refund-" + tag, "yes"},
                {"invoice " + tag, "Invoices are in your account.", "fuzzy", "Billing", "invoice-" + tag, "no"},
                {"cancel order " + tag, "Write to us and we cancel it.", "Partial", "Orders", "", "yes"},
        };
        try (BrowserContext browser = chromium.visitor(1280, 900)) {
            ConsolePage console = openPage(browser, desk);
            Page page = console.page();
            console.button("Import from Excel").click();
            Locator dialog = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Import canned responses from Excel"));
            dialog.getByLabel("Workbook (.xlsx)").setInputFiles(new FilePayload("responses.xlsx", XLSX, workbook(bad)));

            // the first workbook since the server started loads POI's classes: some seconds on two busy cores
            assertThat(dialog.getByText("3 to create, 0 to update, 0 unchanged, 2 refused."))
                    .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
            assertThat(dialog.getByRole(AriaRole.ALERT)).containsText("2 rows are refused. Nothing is imported while any row is");
            Locator previewRows = dialog.getByRole(AriaRole.TABLE, new Locator.GetByRoleOptions().setName("Rows of the workbook"))
                    .locator("tbody tr");
            // the refused first, each with its row number (the headings are row 1) and why
            assertThat(previewRows.nth(0)).containsText("4");
            assertThat(previewRows.nth(0)).containsText("Refused");
            assertThat(previewRows.nth(0)).containsText("The response is empty.");
            assertThat(previewRows.nth(1)).containsText("5");
            assertThat(previewRows.nth(1)).containsText("“fuzzy” is not a match type: write exact, partial or keyword.");
            assertThat(previewRows.filter(new Locator.FilterOptions().setHasText("To create"))).hasCount(3);
            assertThat(dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Import 3 responses"))).isDisabled();
            console.screenshot("console-admin-canned-import");
            console.assertAccessible("the preview of a workbook with refused rows");
            assertThat(stored(desk, tag)).as("nothing imported yet").isEmpty();

            // fixed in the file, chosen again
            bad[2][1] = "Refunds reach your card within 5 working days.";
            bad[3][2] = "keyword";
            dialog.getByLabel("Workbook (.xlsx)").setInputFiles(new FilePayload("responses.xlsx", XLSX, workbook(bad)));
            assertThat(dialog.getByText("5 to create, 0 to update, 0 unchanged, 0 refused.")).isVisible();
            dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Import 5 responses")).click();
            assertThat(dialog).isHidden();
            assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Imported"))).hasText("Imported: 5 created, 0 updated.");

            page.getByLabel("Search").fill(tag);
            Locator rows = rows(page);
            assertThat(rows).hasCount(5);
            assertThat(rows.filter(new Locator.FilterOptions().setHasText("where is my parcel " + tag))).containsText("/parcel-" + tag);
            assertThat(page.getByRole(AriaRole.SWITCH, new Page.GetByRoleOptions().setName("Active: invoice " + tag))).not().isChecked();
            console.screenshot("console-admin-canned");
            console.assertAccessible("the canned responses imported");
            assertThat(console.errors()).as("the browser's console").isEmpty();
        }
        JsonNode imports = desk.api().get("/api/admin/audit?action=canned-response.import", desk.admin()).body().path("items");
        assertThat(imports.findValuesAsText("detail")).contains("5 rows: 5 created, 0 updated, 0 unchanged");

        try (ChatClient visitor = ChatClient.connect(desk.parley().server().ws("/ws/chat"))) {
            visitor.startSession(Map.of());
            visitor.say("Hi, where is my parcel " + tag + "? I ordered last week.");
            assertThat(visitor.until("bot_message", data -> true).path("message").path("text").asText()).isEqualTo(parcel);
        } finally {
            removeTagged(desk, tag);
        }
    }

    @Test
    void filesThatCannotBeImportedAreRefusedInWordsAndStoreNothing(RunningDesk desk) throws IOException {
        String tag = tag();
        long before = total(desk);
        long importsBefore = imports(desk);
        byte[] good = workbook(new String[][] {{"greeting " + tag, "Hello!", "exact", "", "", "yes"}});

        Api.Reply text = upload(desk, "/api/canned-responses/import/preview", "trigger,response\nhi,hello\n".getBytes(StandardCharsets.UTF_8));
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.detail()).isEqualTo("This file is not an Excel workbook (.xlsx) Parley can read. Download the template, fill it in, and import that.");
        assertThat(text.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        Api.Reply bomb = upload(desk, "/api/canned-responses/import/preview", bomb(good));
        assertThat(bomb.status()).isEqualTo(400);
        assertThat(bomb.detail()).contains("a zip bomb?");

        Api.Reply formula = upload(desk, "/api/canned-responses/import/preview", withFormula(good));
        assertThat(formula.status()).isEqualTo(400);
        assertThat(formula.detail()).startsWith("Cell D2 of the sheet “Canned responses” holds a formula (=1+1).");

        byte[] huge = new byte[6 * 1024 * 1024];
        System.arraycopy(good, 0, huge, 0, good.length);
        Api.Reply oversized = upload(desk, "/api/canned-responses/import/preview", huge);
        assertThat(oversized.status()).isEqualTo(413);
        assertThat(oversized.detail()).isEqualTo("A workbook to import can have at most 5242880 bytes.");

        // the import itself refuses them without reading them: they are not the file previewed (none of them could be)
        for (byte[] file : List.of(bomb(good), withFormula(good))) {
            Api.Reply refused = upload(desk, "/api/canned-responses/import?digest=" + "0".repeat(64), file);
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.detail()).isEqualTo("This is not the file that was previewed: preview it, then import it.");
        }
        // the good file, but not as previewed
        Api.Reply unpreviewed = upload(desk, "/api/canned-responses/import?digest=" + "0".repeat(64), good);
        assertThat(unpreviewed.status()).isEqualTo(409);
        assertThat(unpreviewed.detail()).isEqualTo("This is not the file that was previewed: preview it, then import it.");
        // a file with a refused row: all or nothing
        byte[] halfBad = workbook(new String[][] {{"greeting " + tag, "Hello!", "exact", "", "", "yes"}, {"bye " + tag, "", "exact", "", "", ""}});
        String digest = upload(desk, "/api/canned-responses/import/preview", halfBad).body().path("digest").asText();
        Api.Reply refused = upload(desk, "/api/canned-responses/import?digest=" + digest, halfBad);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.detail()).isEqualTo("1 row is refused (row 3: The response is empty.), so nothing was imported. "
                + "Fix the file and import it again.");

        assertThat(total(desk)).as("nothing stored").isEqualTo(before);
        assertThat(imports(desk)).as("no import audited").isEqualTo(importsBefore);
        assertThat(desk.api().call("POST", "/api/canned-responses/import/preview", null, "{}").status()).as("anonymous").isEqualTo(401);
    }

    @Test
    void anExportImportedAgainChangesNothingAndTheTemplateHasTheHeadings(RunningDesk desk) throws IOException {
        String tag = tag();
        try {
            desk.api().post("/api/canned-responses", desk.admin(), Map.of("trigger", "round trip " + tag, "response", "There and back.",
                    "matchType", "keyword", "category", "Trips", "shortcut", "/trip-" + tag, "active", false));
            HttpResponse<byte[]> exported = desk.api().raw("GET", "/api/canned-responses/export", Map.of("Authorization", "Bearer " + desk.admin()), null);
            assertThat(exported.statusCode()).isEqualTo(200);
            assertThat(exported.headers().firstValue("Content-Type")).hasValue(XLSX);
            assertThat(exported.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"canned-responses.xlsx\"");
            JsonNode preview = upload(desk, "/api/canned-responses/import/preview", exported.body()).body();
            long total = total(desk);
            assertThat(preview.path("unchanged").asLong()).isEqualTo(total);
            assertThat(preview.path("create").asInt() + preview.path("update").asInt() + preview.path("refused").asInt()).isZero();
            assertThat(preview.path("rows")).anySatisfy(row -> {
                assertThat(row.path("trigger").asText()).isEqualTo("round trip " + tag);
                assertThat(row.path("shortcut").asText()).isEqualTo("trip-" + tag);
                assertThat(row.path("active").asText()).isEqualTo("no");
                assertThat(row.path("action").asText()).isEqualTo("unchanged");
            });

            // a row with its shortcut updates its response: the columns that change are named, and the change is stored
            byte[] changed = workbook(new String[][] {{"round trip " + tag, "There and back again.", "keyword", "Trips", "/trip-" + tag, "yes"}});
            JsonNode update = upload(desk, "/api/canned-responses/import/preview", changed).body();
            assertThat(update.path("update").asInt()).isEqualTo(1);
            assertThat(update.path("rows").get(0).path("changes")).extracting(JsonNode::asText).containsExactly("response", "active");
            assertThat(upload(desk, "/api/canned-responses/import?digest=" + update.path("digest").asText(), changed).body().path("updated").asInt())
                    .isEqualTo(1);
            assertThat(stored(desk, tag)).singleElement().satisfies(response -> {
                assertThat(response.path("response").asText()).isEqualTo("There and back again.");
                assertThat(response.path("active").asBoolean()).isTrue();
            });

            HttpResponse<byte[]> template = desk.api().raw("GET", "/api/canned-responses/template", Map.of("Authorization", "Bearer " + desk.admin()), null);
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template.body()))) {
                Row headings = workbook.getSheetAt(0).getRow(0);
                for (int i = 0; i < HEADINGS.length; i++) {
                    assertThat(headings.getCell(i).getStringCellValue()).isEqualTo(HEADINGS[i]);
                    assertThat(headings.getCell(i).getCellComment()).as("what to write in %s", HEADINGS[i]).isNotNull();
                }
                assertThat(workbook.getSheetAt(0).getLastRowNum()).isZero();
                assertThat(workbook.getSheetName(1)).isEqualTo("How to fill in");
            }
            // the template and the export are the admin's
            String[] agent = desk.newAgent("Agent " + tag);
            assertThat(desk.api().get("/api/canned-responses/export", agent[1]).status()).isEqualTo(403);
            assertThat(desk.api().get("/api/canned-responses?q=trip-" + tag, agent[1]).body().path("total").asInt()).isEqualTo(1);
        } finally {
            removeTagged(desk, tag);
        }
    }

    @Test
    void theConsoleDownloadsTheExport(RunningDesk desk, RunningChromium chromium) throws IOException {
        String tag = tag();
        desk.cannedResponse("export me " + tag, "Exported (" + tag + ").");
        try (BrowserContext browser = chromium.visitor(1280, 900)) {
            ConsolePage console = openPage(browser, desk);
            Download download = console.page().waitForDownload(() -> console.button("Export to Excel").click());
            assertThat(download.suggestedFilename()).isEqualTo("canned-responses.xlsx");
            try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(download.path()))) {
                Sheet sheet = workbook.getSheetAt(0);
                assertThat(sheet.getLastRowNum()).isEqualTo(total(desk));
                List<String> triggers = new ArrayList<>();
                sheet.forEach(row -> triggers.add(row.getCell(0).getStringCellValue()));
                assertThat(triggers).contains("export me " + tag);
            }
        } finally {
            removeTagged(desk, tag);
        }
    }

    private static ConsolePage openPage(BrowserContext browser, RunningDesk desk) {
        ConsolePage console = ConsolePage.open(browser, desk.url("/admin/"));
        console.signIn(ParleyEnvironment.ADMIN_EMAIL, ParleyEnvironment.ADMIN_PASSWORD);
        console.link("Admin").click();
        console.link("Canned responses").click();
        assertThat(console.page().getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Canned responses").setLevel(1))).isVisible();
        return console;
    }

    private static Locator rows(Page page) {
        return page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Canned responses")).locator("tbody tr");
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    private static List<JsonNode> stored(RunningDesk desk, String tag) {
        List<JsonNode> found = new java.util.ArrayList<>();
        desk.api().get("/api/canned-responses?size=200&q=" + tag, desk.admin()).body().path("items").forEach(found::add);
        return found;
    }

    /** Takes this test's responses away again, so that no later test's visitor is answered by them. */
    private static void removeTagged(RunningDesk desk, String tag) {
        stored(desk, tag).forEach(response -> desk.api().call("DELETE", "/api/canned-responses/" + response.path("id").asText(), desk.admin(), null));
    }

    private static long total(RunningDesk desk) {
        return desk.api().get("/api/canned-responses?size=1", desk.admin()).body().path("total").asLong();
    }

    private static long imports(RunningDesk desk) {
        return desk.api().get("/api/admin/audit?action=canned-response.import", desk.admin()).body().path("total").asLong();
    }

    private static Api.Reply upload(RunningDesk desk, String path, byte[] file) {
        HttpResponse<byte[]> response = desk.api().raw("POST", path, Map.of("Authorization", "Bearer " + desk.admin(), "Content-Type", XLSX), file);
        return new Api.Reply(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8), response.headers());
    }

    /** A workbook as Excel writes one: the template's headings, then a row for each. */
    static byte[] workbook(String[][] rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Canned responses");
            Row headings = sheet.createRow(0);
            for (int i = 0; i < HEADINGS.length; i++) {
                headings.createCell(i).setCellValue(HEADINGS[i]);
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] withFormula(byte[] file) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.getSheetAt(0).getRow(1).getCell(3).setCellFormula("1+1");
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** The workbook with one more entry: 200 MB of zeros, which deflate to some 200 KB. */
    private static byte[] bomb(byte[] file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(file)); ZipOutputStream zip = new ZipOutputStream(out)) {
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
        assertThat(out.size()).as("small enough to pass the size limit").isLessThan(1024 * 1024);
        return out.toByteArray();
    }
}
