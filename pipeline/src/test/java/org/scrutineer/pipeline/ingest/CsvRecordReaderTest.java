package org.scrutineer.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scrutineer.pipeline.io.CsvRecord;
import org.scrutineer.pipeline.io.CsvRecordReader;
import org.scrutineer.pipeline.schema.RejectReason;

class CsvRecordReaderTest {

  @Test
  void splitsQuotedFieldsWithDelimitersAndDoubledQuotes() throws IOException {
    List<CsvRecord> records = read("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n");

    assertThat(records).hasSize(2);
    assertThat(records.get(1).fields()).containsExactly("1", "x, y", "say \"hi\"");
    assertThat(records.get(1).lineNumber()).isEqualTo(2);
  }

  @Test
  void recordSpanningLinesKeepsItsStartLineAndTheNextRecordItsOwn() throws IOException {
    List<CsvRecord> records = read("h1,h2\n\"two\nlines\",x\nnext,y\n");

    assertThat(records.get(1).fields()).containsExactly("two\nlines", "x");
    assertThat(records.get(1).lineNumber()).isEqualTo(2);
    assertThat(records.get(1).rawText()).isEqualTo("\"two\nlines\",x");
    assertThat(records.get(2).lineNumber()).isEqualTo(4);
  }

  @Test
  void byteOrderMarkAndCrLfAreHandledAndTheFinalLineBreakIsNoRecord() throws IOException {
    List<CsvRecord> records = read("\uFEFFType,Date\r\nPerson search,2020\r\n");

    assertThat(records).hasSize(2);
    assertThat(records.get(0).fields()).containsExactly("Type", "Date");
    assertThat(records.get(1).fields()).containsExactly("Person search", "2020");
  }

  @Test
  void unterminatedQuoteAtTheEndRejectsItsLineAloneAndReadsOn() throws IOException {
    List<CsvRecord> records = read("a,b\n1,\"open\n2,3\n");

    assertThat(records).hasSize(3);
    assertThat(records.get(1).error()).isEqualTo(RejectReason.UNTERMINATED_QUOTE);
    assertThat(records.get(1).errorDetail()).contains("line 2", "end of the file");
    assertThat(records.get(1).rawText()).isEqualTo("1,\"open");
    assertThat(records.get(2).fields()).containsExactly("2", "3");
    assertThat(records.get(2).lineNumber()).isEqualTo(3);
  }

  @Test
  void aStrayQuoteInTheMiddleOfAFileNeverSwallowsTheRest() throws IOException {
    // 281 lines: the header, 279 records of three fields, one with a stray opening quote on line
    // 10. The next line reads as a complete record, so line 10 alone is rejected.
    StringBuilder text = new StringBuilder("a,b,c\n");
    for (int line = 2; line <= 281; line++) {
      text.append(line == 10 ? "x,\"broken,z\n" : "x,y,z\n");
    }
    List<CsvRecord> records = new ArrayList<>();
    long lines;
    try (CsvRecordReader reader = new CsvRecordReader(new StringReader(text.toString()), ',')) {
      records.add(reader.next());
      reader.expectFields(3);
      for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
        records.add(r);
      }
      lines = reader.physicalLines();
    }

    assertThat(records).hasSize(281);
    assertThat(records.stream().filter(r -> r.error() != null))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.lineNumber()).isEqualTo(10);
              assertThat(r.error()).isEqualTo(RejectReason.UNTERMINATED_QUOTE);
              assertThat(r.errorDetail()).contains("before line 11");
            });
    assertThat(records.get(10).lineNumber()).isEqualTo(11);
    assertThat(records.get(280).lineNumber()).isEqualTo(281);
    assertThat(lines).isEqualTo(281);
  }

  @Test
  void aQuotedFieldRunsOverAtMostTwentyLines() throws IOException {
    // No line reads as a complete record (one field each), so the bound ends the run.
    StringBuilder text = new StringBuilder("a,b\n1,\"open\n");
    for (int line = 0; line < 30; line++) {
      text.append("free text\n");
    }
    List<CsvRecord> records = new ArrayList<>();
    try (CsvRecordReader reader = new CsvRecordReader(new StringReader(text.toString()), ',')) {
      records.add(reader.next());
      reader.expectFields(2);
      for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
        records.add(r);
      }
    }

    assertThat(records.get(1).errorDetail()).contains("within 20 lines");
    assertThat(records).hasSize(2 + 30);
    assertThat(records.get(2).lineNumber()).isEqualTo(3);
  }

  @Test
  void aLegitimateMultiLineFieldIsStillOneRecord() throws IOException {
    List<CsvRecord> records = new ArrayList<>();
    try (CsvRecordReader reader =
        new CsvRecordReader(
            new StringReader("a,b,c\n1,\"one\ntwo, three\nfour\",z\n2,y,z\n"), ',')) {
      records.add(reader.next());
      reader.expectFields(3);
      for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
        records.add(r);
      }
    }

    assertThat(records.get(1).fields()).containsExactly("1", "one\ntwo, three\nfour", "z");
    assertThat(records.get(2).lineNumber()).isEqualTo(5);
  }

  @Test
  void textAfterClosingQuoteIsMalformed() throws IOException {
    List<CsvRecord> records = read("a,b\n\"x\"y,2\nok,3\n");

    assertThat(records.get(1).error()).isEqualTo(RejectReason.MALFORMED_QUOTE);
    assertThat(records.get(2).fields()).containsExactly("ok", "3");
    assertThat(records.get(2).lineNumber()).isEqualTo(3);
  }

  @Test
  void emptyLineIsABlankRecordAndEmptyFieldsAreKept() throws IOException {
    List<CsvRecord> records = read("a,b\n\n,\n");

    assertThat(records.get(1).isBlank()).isTrue();
    assertThat(records.get(2).fields()).containsExactly("", "");
  }

  @Test
  void bytesAreSplitIntoLinesAndABadLineIsMarkedNotRepaired() throws IOException {
    byte[] text =
        "\uFEFFa,b\r\nx,caf\u00e9\r\nbad,?\r\n\"multi\nline\",z\r\n"
            .getBytes(StandardCharsets.UTF_8);
    int mark = new String(text, StandardCharsets.UTF_8).indexOf('?');
    text[
            new String(text, StandardCharsets.UTF_8)
                .substring(0, mark)
                .getBytes(StandardCharsets.UTF_8)
                .length] =
        (byte) 0xE9;
    List<CsvRecord> records = new ArrayList<>();
    try (CsvRecordReader reader =
        new CsvRecordReader(new ByteArrayInputStream(text), StandardCharsets.UTF_8, ',')) {
      for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
        records.add(r);
      }
    }

    assertThat(records.get(0).fields()).containsExactly("a", "b");
    assertThat(records.get(1).fields()).containsExactly("x", "caf\u00e9");
    assertThat(records.get(2).error()).isEqualTo(RejectReason.INVALID_ENCODING);
    assertThat(records.get(2).lineNumber()).isEqualTo(3);
    assertThat(records.get(3).fields()).containsExactly("multi\nline", "z");
    assertThat(records.get(3).lineNumber()).isEqualTo(4);
  }

  @Test
  void otherDelimiters() throws IOException {
    CsvRecordReader reader = new CsvRecordReader(new StringReader("a;b\n1;\"2;3\"\n"), ';');
    reader.next();

    assertThat(reader.next().fields()).containsExactly("1", "2;3");
  }

  private static List<CsvRecord> read(String text) throws IOException {
    List<CsvRecord> records = new ArrayList<>();
    try (CsvRecordReader reader = new CsvRecordReader(new StringReader(text), ',')) {
      CsvRecord record;
      while ((record = reader.next()) != null) {
        records.add(record);
      }
    }
    return records;
  }
}
