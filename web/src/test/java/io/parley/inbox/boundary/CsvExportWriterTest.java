package io.parley.inbox.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvExportWriterTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil\",\"click\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"})
    void aCellASpreadsheetWouldRunIsWrittenAsText(String cell) {
        assertThat(CsvExportWriter.asText(cell)).isEqualTo("'" + cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello", "a = b", "order #12-3", "", "'quoted", "1+1"})
    void otherCellsStayAsTheyAre(String cell) {
        assertThat(CsvExportWriter.asText(cell)).isEqualTo(cell);
    }

    @Test
    void anEmptyCellStaysEmpty() {
        assertThat(CsvExportWriter.asText(null)).isNull();
    }
}
