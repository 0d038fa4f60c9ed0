import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Importing canned responses from Excel over HTTP: builds a workbook of ROWS rows with Apache POI, as Excel writes one
 * (the template's headings; a trigger, a response of a sentence or two, a match type, one of 20 categories, a shortcut
 * and active in every row), then RUNS times previews it (POST /api/canned-responses/import/preview) and commits it
 * (POST /api/canned-responses/import?digest=), timing each answer. Each run's workbook has triggers and shortcuts of
 * its own, so every run creates ROWS responses, on top of those of the runs before. A first run, not counted, warms
 * the server up (POI's classes load on the first workbook). Then one more file updates every row of the last run.
 * Usage: java -cp <system-tests' test classpath> bench/CannedImport.java URL EMAIL PASSWORD ROWS RUNS
 */
public class CannedImport {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final Pattern FIELD = Pattern.compile("\"(token|digest)\":\"([^\"]+)\"");
    static String base;
    static String token;

    public static void main(String[] args) throws Exception {
        base = args[0];
        int rows = Integer.parseInt(args[3]);
        int runs = Integer.parseInt(args[4]);
        token = field(send("/api/auth/login", "application/json",
                ("{\"email\":\"" + args[1] + "\",\"password\":\"" + args[2] + "\"}").getBytes()), "token");

        List<Double> previews = new ArrayList<>();
        List<Double> commits = new ArrayList<>();
        byte[] workbook = null;
        for (int run = 0; run <= runs; run++) {
            workbook = workbook("r" + run, rows, "");
            double[] took = importOnce(workbook, run);
            if (run == 0) {
                System.out.printf("warm-up (not counted): preview %.0f ms, commit %.0f ms, workbook %,d bytes%n", took[0], took[1], workbook.length);
            } else {
                previews.add(took[0]);
                commits.add(took[1]);
            }
        }
        double[] updated = importOnce(workbook("r" + runs, rows, " (updated)"), -1);
        System.out.printf("| %,d rows | preview median %.0f ms (min %.0f, max %.0f) | commit median %.0f ms (min %.0f, max %.0f) "
                        + "| preview + commit median %.0f ms |%n", rows, median(previews), Collections.min(previews), Collections.max(previews),
                median(commits), Collections.min(commits), Collections.max(commits), median(sum(previews, commits)));
        System.out.printf("updating the last run's %,d rows: preview %.0f ms, commit %.0f ms%n", rows, updated[0], updated[1]);
    }

    /** Preview and commit: the milliseconds of each. */
    static double[] importOnce(byte[] workbook, int run) throws Exception {
        long start = System.nanoTime();
        String preview = send("/api/canned-responses/import/preview", XLSX, workbook);
        double previewMs = (System.nanoTime() - start) / 1e6;
        if (!preview.contains("\"refused\":0,")) {
            throw new IllegalStateException("run " + run + ": rows were refused: " + preview.substring(0, Math.min(500, preview.length())));
        }
        start = System.nanoTime();
        String done = send("/api/canned-responses/import?digest=" + field(preview, "digest"), XLSX, workbook);
        double commitMs = (System.nanoTime() - start) / 1e6;
        System.out.printf("run %d: preview %.0f ms, commit %.0f ms: %s%n", run, previewMs, commitMs, done);
        return new double[] {previewMs, commitMs};
    }

    static byte[] workbook(String prefix, int rows, String change) throws Exception {
        String[] types = {"exact", "partial", "keyword"};
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Canned responses");
            String[] headings = {"trigger", "response", "match type", "category", "shortcut", "active"};
            Row top = sheet.createRow(0);
            for (int i = 0; i < headings.length; i++) {
                top.createCell(i).setCellValue(headings[i]);
            }
            for (int r = 1; r <= rows; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("question " + prefix + " number " + r);
                row.createCell(1).setCellValue("The answer to question " + r + " of " + prefix + change
                        + ": our team will look into it and get back to you within one working day.");
                row.createCell(2).setCellValue(types[r % 3]);
                row.createCell(3).setCellValue("Category " + (r % 20));
                row.createCell(4).setCellValue(prefix + "-" + r);
                row.createCell(5).setCellValue(r % 10 == 0 ? "no" : "yes");
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    static String send(String path, String type, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static String field(String json, String name) {
        Matcher found = FIELD.matcher(json);
        while (found.find()) {
            if (found.group(1).equals(name)) {
                return found.group(2);
            }
        }
        throw new IllegalStateException("no " + name + " in " + json.substring(0, Math.min(300, json.length())));
    }

    static List<Double> sum(List<Double> a, List<Double> b) {
        List<Double> sums = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            sums.add(a.get(i) + b.get(i));
        }
        return sums;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
