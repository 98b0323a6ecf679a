package org.scrutineer.pipeline.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.scrutineer.pipeline.io.InputException;
import org.scrutineer.pipeline.reference.ReferenceTable;
import org.scrutineer.pipeline.schema.EthnicGroup;

/** Age bands and sex in the canonical population, and population tables by period. */
class StrataAndVintagesTest {
  private static final int[] STOP_SEARCH = {25, 35};
  private static final int[] USE_OF_FORCE = {18, 35};

  @Test
  void censusBandsNestInTheStopSearchStrataButNotInTheUseOfForceOnes() {
    assertThat(AgeSexBand.parse("0-15", "F").stratum(STOP_SEARCH)).isEqualTo(0);
    assertThat(AgeSexBand.parse("16 to 24", "female").stratum(STOP_SEARCH)).isEqualTo(0);
    assertThat(AgeSexBand.parse("25-34", "M").stratum(STOP_SEARCH)).isEqualTo(1);
    assertThat(AgeSexBand.parse("35-49", "male").stratum(STOP_SEARCH)).isEqualTo(2);
    assertThat(AgeSexBand.parse("65+", "Males").stratum(STOP_SEARCH)).isEqualTo(2);
    assertThat(AgeSexBand.parse("16-24", "F").stratum(USE_OF_FORCE)).isEqualTo(-1);
    assertThat(AgeSexBand.parse("65 and over", "F").ageHigh()).isNull();
  }

  @Test
  void badBandsAndSexesAreRejectedWithTheRule() {
    assertThatThrownBy(() -> AgeSexBand.parse("adults", "F"))
        .hasMessageContaining("not a band such as 16-24 or 65+");
    assertThatThrownBy(() -> AgeSexBand.parse("30-20", "F")).hasMessageContaining("ends before");
    assertThatThrownBy(() -> AgeSexBand.parse("20-30", "X"))
        .hasMessageContaining("not female or male");
  }

  @Test
  void canonicalPopulationWithAgeAndSexSumsGroupsAndKeepsStrataAndTheStandard() {
    PopulationTable table =
        read(
            "area_code,area_name,ethnic_group,population,age_band,sex\n"
                + "E1,One,White,100,0-24,female\n"
                + "E1,One,White,300,25+,female\n"
                + "E1,One,Black,40,0-24,female\n"
                + "E1,One,Black,10,25+,female\n"
                + "E2,Two,White,50,0-24,female\n");
    assertThat(table.population("E1", EthnicGroup.WHITE)).isEqualTo(400);
    assertThat(table.population("E1", EthnicGroup.BLACK)).isEqualTo(50);
    assertThat(table.area("E1").strataOf(EthnicGroup.BLACK))
        .containsEntry(AgeSexBand.parse("0-24", "F"), 40L)
        .containsEntry(AgeSexBand.parse("25+", "F"), 10L);
    // The standard sums every group of every area the file gives.
    assertThat(table.standard())
        .containsEntry(AgeSexBand.parse("0-24", "F"), 190L)
        .containsEntry(AgeSexBand.parse("25+", "F"), 310L);
  }

  @Test
  void ageBandWithoutSexOverlappingBandsAndRepeatsFailNamingTheFile() {
    assertThatThrownBy(() -> read("area_code,area_name,ethnic_group,population,age_band\n"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("p.csv")
        .hasMessageContaining("age_band and sex come together");
    assertThatThrownBy(
            () ->
                read(
                    "area_code,area_name,ethnic_group,population,age_band,sex\n"
                        + "E1,One,White,1,0-24,F\nE1,One,White,1,20-30,F\n"))
        .hasMessageContaining("age bands overlap");
    assertThatThrownBy(
            () ->
                read(
                    "area_code,area_name,ethnic_group,population,age_band,sex\n"
                        + "E1,One,White,1,0-24,F\nE1,One,White,1,0-24,female\n"))
        .hasMessageContaining("line 3")
        .hasMessageContaining("appears twice");
    assertThatThrownBy(
            () ->
                read(
                    "area_code,area_name,ethnic_group,population,age_band,sex\n"
                        + "E1,One,White,1,young,F\n"))
        .hasMessageContaining("line 2")
        .hasMessageContaining("not a band");
  }

  @Test
  void eachPeriodTakesTheTableInForceInItsFirstMonth() {
    PopulationTable census2011 =
        read("area_code,area_name,ethnic_group,population\nE1,A,White,1\n");
    PopulationTable census2021 =
        read("area_code,area_name,ethnic_group,population\nE1,A,White,2\n");
    Denominators d =
        new Denominators(
            List.of(
                new Denominators.Vintage(YearMonth.of(2022, 4), census2021),
                new Denominators.Vintage(null, census2011)));
    assertThat(d.forPeriod("financial_year", "2021-22")).isSameAs(census2011);
    assertThat(d.forPeriod("financial_year", "2022-23")).isSameAs(census2021);
    assertThat(d.forPeriod("month", "2022-03")).isSameAs(census2011);
    assertThat(d.forPeriod("month", "2022-04")).isSameAs(census2021);
    // A rolling window takes the table of its first month.
    assertThat(d.forPeriod("rolling_12_months", "2021-06/2022-05")).isSameAs(census2011);
    assertThat(d.latest()).isSameAs(census2021);

    Denominators later =
        new Denominators(List.of(new Denominators.Vintage(YearMonth.of(2022, 4), census2021)));
    assertThat(later.forPeriod("month", "2022-03")).isNull();
    assertThatThrownBy(
            () ->
                new Denominators(
                    List.of(
                        new Denominators.Vintage(null, census2011),
                        new Denominators.Vintage(null, census2021))))
        .hasMessageContaining("distinct start months");
  }

  private static PopulationTable read(String text) {
    return PopulationReader.read(ReferenceTable.read("p.csv", new StringReader(text)), null);
  }
}
