package org.scrutineer.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.scrutineer.pipeline.io.InputException;

class ExtractMappingTest {

  @Test
  void validMappingGetsDefaultsAndMatchesItsFiles() {
    ExtractMapping m =
        read(
            "{\"force\": \"kent\", \"file_pattern\": \"kent-*.csv\", \"columns\": {\"date\": \"D\"}}");

    assertThat(m.delimiterChar()).isEqualTo(',');
    assertThat(m.timeZone()).isEqualTo("Europe/London");
    assertThat(m.matches("kent-2020.csv")).isTrue();
    assertThat(m.matches("essex-2020.csv")).isFalse();
  }

  @Test
  void aMappingNamesItsPowerAndMayUseThatPowersFields() {
    ExtractMapping m =
        read(
            "{\"force\": \"kent\", \"power\": \"custody\", \"columns\": {\"date\": \"Arrested\","
                + " \"custody_id\": \"Ref\", \"strip_searched\": \"Strip\"}}");
    assertThat(m.powerFormat()).isEqualTo(org.scrutineer.pipeline.schema.Power.CUSTODY);
    assertThat(m.fields()).contains("custody_id", "strip_searched", "force");
  }

  @Test
  void everyProblemIsNamedWithTheFile() {
    assertThatThrownBy(() -> read("{\"force\": \"kent\", \"columns\": {\"when\": \"D\"}}"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("Invalid mapping m.json")
        .hasMessageContaining("unknown stop_search field 'when'")
        .hasMessageContaining("required field 'date'");
    assertThatThrownBy(() -> read("{\"force\": \"kent\", \"power\": \"arrests\", \"columns\": {}}"))
        .hasMessageContaining("Invalid mapping m.json: Invalid power: 'arrests'");
    assertThatThrownBy(
            () ->
                read(
                    "{\"force\": \"kent\", \"columns\": {\"date\": \"D\", \"custody_id\": \"C\"}}"))
        .hasMessageContaining("unknown stop_search field 'custody_id'");
    assertThatThrownBy(() -> read("{\"columns\": {\"date\": \"D\"}}"))
        .hasMessageContaining("give the force either");
    assertThatThrownBy(
            () ->
                read(
                    "{\"force\": \"kent\", \"date_format\": \"dd/MM/yyyy {\", \"columns\": {\"date\": \"D\"}}"))
        .hasMessageContaining("date_format");
    assertThatThrownBy(() -> read("{\"force\": \"kent\", \"colums\": {}}"))
        .hasMessageContaining("Invalid mapping m.json");
    assertThatThrownBy(
            () ->
                read(
                    "{\"force\": \"kent\", \"columns\": {\"date\": \"D\"}, \"coverage\": {\"from\": \"2021-04\", \"to\": \"2020-03\"}}"))
        .hasMessageContaining("coverage");
    // A key given twice is an error, never "the last one wins".
    assertThatThrownBy(
            () -> read("{\"force\": \"kent\",\n\"columns\": {\"date\": \"D\", \"date\": \"E\"}}"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("Invalid mapping m.json line 2 column")
        .hasMessageContaining("'date' is given twice in one object");
  }

  @Test
  void datesAreParsedStrictly() {
    ExtractMapping m =
        read(
            "{\"force\": \"kent\", \"date_format\": \"dd/MM/yyyy\", \"columns\": {\"date\": \"D\"}}");

    assertThatThrownBy(() -> m.formatter().parse("31/02/2020"))
        .isInstanceOf(java.time.format.DateTimeParseException.class);
    assertThat(java.time.LocalDate.from(m.formatter().parse("29/02/2020"))).hasDayOfMonth(29);
  }

  private static ExtractMapping read(String json) {
    return ExtractMapping.read(
        "m.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }
}
