package org.scrutineer.pipeline.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class CsvFormatTest {

  @Test
  void quotesWhereNeededAndLeavesNullsEmpty() {
    String line = CsvFormat.line(RowFactory.create("London, City of", "say \"x\"", null, 3L, true));

    assertThat(line).isEqualTo("\"London, City of\",\"say \"\"x\"\"\",,3,true\r\n");
  }

  @Test
  void textLongerThanAnExcelCellIsCutWithAVisibleMarker() {
    String line = "x".repeat(5_000_000);
    String cell = CsvFormat.cut(line);
    assertThat(cell).hasSize(CsvFormat.MAX_CELL);
    assertThat(cell).endsWith(" [cut: 5,000,000 characters in all; whole in Parquet]");
    assertThat(CsvFormat.value(line)).isEqualTo('"' + cell + '"');
    assertThat(CsvFormat.value("x".repeat(CsvFormat.MAX_CELL))).hasSize(CsvFormat.MAX_CELL);
  }

  @Test
  void textThatExcelWouldRunAsAFormulaIsDefused() {
    assertThat(CsvFormat.value("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(CsvFormat.value("-1 search")).isEqualTo("'-1 search");
    assertThat(CsvFormat.value(-1.5)).isEqualTo("-1.5");
    assertThat(CsvFormat.value("+44 20")).isEqualTo("'+44 20");
    assertThat(CsvFormat.value("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvFormat.value("\t=1+1")).isEqualTo("'\t=1+1");
    assertThat(CsvFormat.value("\r=1+1")).isEqualTo("\"'\r=1+1\"");
  }

  @Test
  void numbersArePlainAndTinyOnesScientific() {
    assertThat(CsvFormat.value(4.000000000000001)).isEqualTo("4");
    assertThat(CsvFormat.value(0.0970123456789)).isEqualTo("0.0970123");
    assertThat(CsvFormat.value(6.3e-30)).startsWith("6.3").contains("E-30");
    assertThat(CsvFormat.value(8791152.0)).isEqualTo("8791150");
    assertThat(CsvFormat.value(132048.583333)).isEqualTo("132049");
  }
}
