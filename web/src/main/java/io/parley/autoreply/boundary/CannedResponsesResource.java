package io.parley.autoreply.boundary;

import io.parley.autoreply.entity.CannedContent;
import io.parley.autoreply.entity.CannedResponse;
import io.parley.autoreply.entity.ImportPlan;
import io.parley.autoreply.entity.MatchType;
import io.parley.identity.boundary.Caller;
import io.parley.platform.entity.Page;
import io.parley.platform.entity.Refusal;
import io.parley.platform.entity.Texts;
import io.parley.platform.entity.UtcClock;
import io.parley.platform.entity.WireNames;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

/**
 * The canned responses the assistant answers with before any model is asked (routes as in DESIGN.md §3): agents and
 * admins read them (the console's slash commands), admins change them, import them from an Excel workbook and export
 * them to one; a change is answered at once by the engine.
 */
@Path("canned-responses")
@RolesAllowed("admin")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CannedResponsesResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    CannedResponses responses;

    @Inject
    Caller caller;

    /**
     * {@code q}: text in the trigger, the response or the shortcut (the response with the shortcut {@code q} first);
     * {@code category}: exactly this one; {@code active}: true or false.
     */
    @GET
    @RolesAllowed({"admin", "agent"})
    public Page<View> find(@QueryParam("q") String q, @QueryParam("category") String category, @QueryParam("active") String active,
                           @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        return responses.find(new CannedResponses.Filter(q, category, yesOrNo(active)), page, size).map(View::of);
    }

    /** The categories the responses have, in order. */
    @GET
    @Path("categories")
    @RolesAllowed({"admin", "agent"})
    public List<String> categories() {
        return responses.categories();
    }

    @POST
    public Response add(@NotNull @Valid Content content) {
        return Response.status(Response.Status.CREATED).entity(View.of(responses.add(caller.actor(), content.toContent()))).build();
    }

    @PUT
    @Path("{id}")
    public View change(@PathParam("id") String id, @NotNull @Valid Content content) {
        return View.of(responses.change(caller.actor(), id, content.toContent()));
    }

    @DELETE
    @Path("{id}")
    public Response remove(@PathParam("id") String id) {
        responses.remove(caller.actor(), id);
        return Response.noContent().build();
    }

    /** An empty workbook to fill in: the headings, and a sheet that explains each column. */
    @GET
    @Path("template")
    @Produces(XLSX)
    public Response template() {
        return workbook(responses.template(), "canned-responses-template.xlsx");
    }

    /** Every canned response in the template's form. */
    @GET
    @Path("export")
    @Produces(XLSX)
    public Response export() {
        return workbook(responses.export(), "canned-responses.xlsx");
    }

    /**
     * The workbook as the request body (at most {@code parley.autoreply.max-import-bytes}, else 413): what importing it
     * would do, row by row. Nothing is stored. 415 for a file that is no .xlsx workbook, 400 for one that cannot be
     * imported at all (a zip bomb, a formula, no headings, too many rows).
     */
    @POST
    @Path("import/preview")
    @Consumes(MediaType.WILDCARD)
    public Preview preview(InputStream workbook) throws IOException {
        return Preview.of(responses.preview(workbook.readAllBytes()));
    }

    /**
     * The same workbook again, with the {@code digest} its preview gave: all its rows are imported, or none (409 when
     * a row is refused now, or the file is not the one previewed).
     */
    @POST
    @Path("import")
    @Consumes(MediaType.WILDCARD)
    public Imported importWorkbook(@QueryParam("digest") @NotBlank String digest, InputStream workbook) throws IOException {
        ImportPlan plan = responses.importWorkbook(caller.actor(), workbook.readAllBytes(), digest);
        return new Imported(plan.count(ImportPlan.Action.CREATE), plan.count(ImportPlan.Action.UPDATE), plan.count(ImportPlan.Action.UNCHANGED));
    }

    private static Response workbook(byte[] file, String name) {
        return Response.ok(file, XLSX).header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").build();
    }

    private static Boolean yesOrNo(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new Refusal(Refusal.Kind.INVALID, "active must be true or false");
        };
    }

    /**
     * {@code trigger}: the phrase, or for {@code keyword} a comma-separated list of words; {@code shortcut}: what an
     * agent types after "/" (with or without it), unique; {@code category}: any words.
     */
    public record Content(@NotBlank @Size(max = CannedContent.MAX_TRIGGER) String trigger,
                          @NotBlank @Size(max = CannedContent.MAX_RESPONSE) String response,
                          @NotNull @Pattern(regexp = "exact|partial|keyword", message = "must be exact, partial or keyword") String matchType,
                          @Size(max = CannedContent.MAX_CATEGORY) String category,
                          @Pattern(regexp = "\\s*(/?" + CannedContent.SHORTCUT_PATTERN + ")?\\s*",
                                  message = "must be letters, digits, - and _ (at most 50), such as refund") String shortcut,
                          Boolean active) {

        CannedContent toContent() {
            return new CannedContent(trigger, response, MatchType.fromWire(matchType), category, shortcut, active == null || active);
        }
    }

    public record View(String id, String trigger, String response, String matchType, String category, String shortcut, boolean active,
                       Instant updatedAt) {

        static View of(CannedResponse response) {
            return new View(response.id(), response.trigger(), response.response(), response.matchType().wireName(), response.category(),
                    response.shortcut(), response.active(), UtcClock.instant(response.updatedAt()));
        }
    }

    /** What importing a workbook would do: the counts, and each row with its action as the file has it. */
    public record Preview(String digest, long create, long update, long unchanged, long refused, List<PreviewRow> rows) {

        static Preview of(ImportPlan plan) {
            return new Preview(plan.digest(), plan.count(ImportPlan.Action.CREATE), plan.count(ImportPlan.Action.UPDATE),
                    plan.count(ImportPlan.Action.UNCHANGED), plan.count(ImportPlan.Action.REFUSED),
                    plan.rows().stream().map(PreviewRow::of).toList());
        }
    }

    /**
     * A row: its number in the sheet, {@code create|update|unchanged|refused}, its cells as written (the response's start
     * only), the columns an update changes, the reasons a row is refused.
     */
    public record PreviewRow(int row, String action, String trigger, String response, String matchType, String category, String shortcut,
                             String active, List<String> changes, List<String> reasons) {

        static PreviewRow of(ImportPlan.Row row) {
            var sheet = row.sheet();
            return new PreviewRow(sheet.number(), WireNames.of(row.action()), sheet.trigger(), Texts.cut(sheet.response(), 120),
                    sheet.matchType(), sheet.category(), sheet.shortcut(), sheet.active(), row.changes(), row.reasons());
        }
    }

    public record Imported(long created, long updated, long unchanged) {
    }
}
