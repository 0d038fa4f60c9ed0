package io.parley.autoreply.entity;

/**
 * One row of an imported workbook as a person typed it (each cell's text as Excel shows it, trimmed; an absent column
 * or an empty cell is ""), and its row number as Excel shows it (the heading is row 1).
 */
public record SheetRow(int number, String trigger, String response, String matchType, String category, String shortcut, String active) {
}
