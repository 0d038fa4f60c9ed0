package io.parley.autoreply.entity;

import java.util.List;

/**
 * What importing a workbook would do, row by row: create a canned response, update one (found by its shortcut, or
 * else by its trigger), leave one as it is, or refuse the row with its reasons. Nothing is imported while any row is
 * refused. {@code digest} names the file (SHA-256), so that what is committed is the file that was previewed.
 */
public record ImportPlan(String digest, List<Row> rows) {

    public enum Action {
        CREATE, UPDATE, UNCHANGED, REFUSED
    }

    /**
     * A row and what would be done with it. {@code content} is what the response would say (null when refused),
     * {@code target} the response it updates (null when it creates one), {@code changes} the columns that differ from
     * it, {@code reasons} why it is refused.
     */
    public record Row(SheetRow sheet, Action action, CannedContent content, CannedResponse target, List<String> changes, List<String> reasons) {
    }

    public long count(Action action) {
        return rows.stream().filter(row -> row.action() == action).count();
    }

    public List<Row> refused() {
        return rows.stream().filter(row -> row.action() == Action.REFUSED).toList();
    }
}
