package org.scrutineer.pipeline.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.scrutineer.pipeline.io.InputException;
import org.scrutineer.pipeline.reference.ReferenceTable;
import org.scrutineer.pipeline.schema.EthnicGroup;

class PopulationReaderTest {
  private static final String TS021_HEADER =
      "Lower Tier Local Authorities Code,Lower Tier Local Authorities,"
          + "Ethnic group (20 categories) Code,Ethnic group (20 categories),Observation\n";

  /** The broad group TS021 puts categories 1 to 19 in: the start of each category's label. */
  private static final String[] GROUP_OF_CATEGORY = {
    "Asian", "Asian", "Asian", "Asian", "Asian", "Black", "Black", "Black", "Mixed", "Mixed",
    "Mixed", "Mixed", "White", "White", "White", "White", "White", "Other", "Other"
  };

  /**
   * A TS021 block for one area: -8 and the 19 categories, category {@code c} counting {@code c}.
   * The reader goes by code; labels are free text with commas, as ONS writes them.
   */
  private static String block(String area, int... skip) {
    StringBuilder text = new StringBuilder(area + ",Alpha,-8,Does not apply,0\n");
    for (int code = 1; code <= 19; code++) {
      int category = code;
      if (java.util.Arrays.stream(skip).noneMatch(c -> c == category)) {
        text.append(
            String.format(
                "%s,Alpha,%d,\"%s\",%d%n",
                area,
                code,
                GROUP_OF_CATEGORY[code - 1] + ": category " + code + ", as ONS labels it",
                code));
      }
    }
    return text.toString();
  }

  @Test
  void ts021CategoriesSumIntoTheFiveGroupsByCode() {
    StringBuilder text = new StringBuilder(TS021_HEADER).append(block("E1"));
    PopulationTable table =
        PopulationReader.read(table(text.toString()), PopulationReader.Format.ONS_TS021);

    assertThat(table.population("E1", EthnicGroup.ASIAN)).isEqualTo(1 + 2 + 3 + 4 + 5);
    assertThat(table.population("E1", EthnicGroup.BLACK)).isEqualTo(6 + 7 + 8);
    assertThat(table.population("E1", EthnicGroup.MIXED)).isEqualTo(9 + 10 + 11 + 12);
    assertThat(table.population("E1", EthnicGroup.WHITE)).isEqualTo(13 + 14 + 15 + 16 + 17);
    assertThat(table.population("E1", EthnicGroup.OTHER)).isEqualTo(18 + 19);
    assertThat(table.population("E1", EthnicGroup.UNKNOWN)).isNull();
    assertThat(table.population("E2", EthnicGroup.WHITE)).isNull();
  }

  @Test
  void anAreaWithACategoryMissingFailsNamingTheAreaAndCategory() {
    String text = TS021_HEADER + block("E1") + block("E2", 13);
    assertThatThrownBy(() -> PopulationReader.read(table(text), PopulationReader.Format.ONS_TS021))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("line 22")
        .hasMessageContaining("area E2 has no row for category 13");
  }

  @Test
  void anAreasBlockRepeatedFailsInsteadOfDoublingItsPopulation() {
    String text = TS021_HEADER + block("E1") + block("E1");
    assertThatThrownBy(() -> PopulationReader.read(table(text), PopulationReader.Format.ONS_TS021))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("line 22")
        .hasMessageContaining("area E1 has category -8 twice (first on line 2)");
  }

  @Test
  void aTotalRowMustBeTheSumOfItsCategories() {
    int sum = 19 * 20 / 2;
    String good = TS021_HEADER + "E1,Alpha,0,Total," + sum + "\n" + block("E1");
    assertThat(
            PopulationReader.read(table(good), PopulationReader.Format.ONS_TS021)
                .population("E1", EthnicGroup.OTHER))
        .isEqualTo(18 + 19);
    String bad = TS021_HEADER + "E1,Alpha,0,Total," + (sum + 1) + "\n" + block("E1");
    assertThatThrownBy(() -> PopulationReader.read(table(bad), PopulationReader.Format.ONS_TS021))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("the total 191 is not the sum of its categories, 190");
  }

  @Test
  void aCategoryWhoseLabelIsNotItsCodesGroupFailsWithTheLine() {
    String text = TS021_HEADER + "E1,Alpha,1,White: Irish,5\n";
    assertThatThrownBy(() -> PopulationReader.read(table(text), PopulationReader.Format.ONS_TS021))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("not in the Asian group");
  }

  @Test
  void canonicalRowsAreReadAndBadRowsFailWithTheirLine() {
    String good =
        "area_code,area_name,ethnic_group,population\nE1,Alpha,White,100\nE1,Alpha,Black,20\n";
    PopulationTable table = PopulationReader.read(table(good), PopulationReader.Format.CANONICAL);
    assertThat(table.population("E1", EthnicGroup.BLACK)).isEqualTo(20);

    assertThatThrownBy(
            () ->
                PopulationReader.read(
                    table(good + "E1,Alpha,White,5\n"), PopulationReader.Format.CANONICAL))
        .hasMessageContaining("line 4")
        .hasMessageContaining("appears twice");
    assertThatThrownBy(
            () ->
                PopulationReader.read(
                    table(good + "E2,Beta,Unknown,5\n"), PopulationReader.Format.CANONICAL))
        .hasMessageContaining("Unknown has no denominator");
    assertThatThrownBy(
            () ->
                PopulationReader.read(
                    table(good + "E2,Beta,Asian,many\n"), PopulationReader.Format.CANONICAL))
        .hasMessageContaining("not a whole number");
    assertThatThrownBy(
            () ->
                PopulationReader.read(table("code,pop\nE1,5\n"), PopulationReader.Format.CANONICAL))
        .hasMessageContaining("missing column 'area_code'");
  }

  @Test
  void forceAreasAreSummedFromCompleteDistrictsOnly() {
    StringBuilder text = new StringBuilder("area_code,area_name,ethnic_group,population\n");
    for (String district : new String[] {"E06000001", "E06000002"}) {
      for (EthnicGroup g : EthnicGroup.KNOWN) {
        text.append(district).append(",D,").append(g.label()).append(",10\n");
      }
    }
    text.append("E06000003,D,White,10\n");
    String lookup =
        "LAD22CD,LAD22NM,CSP22CD,CSP22NM,PFA22CD,PFA22NM\n"
            + "E06000001,A,E22000001,A,E23000001,Force One\n"
            + "E06000002,B,E22000002,B,E23000001,Force One\n"
            + "E06000003,C,E22000003,C,E23000002,Force Two\n";

    PopulationTable.RollUp rollUp =
        PopulationReader.read(table(text.toString()), PopulationReader.Format.CANONICAL)
            .rollUpForces(AreaLookup.read(table(lookup)));

    assertThat(rollUp.table().population("E23000001", EthnicGroup.MIXED)).isEqualTo(20);
    assertThat(rollUp.table().area("E23000001").name()).isEqualTo("Force One");
    assertThat(rollUp.table().area("E23000002")).isNull();
    assertThat(rollUp.incompleteForceAreas()).containsExactly("E23000002");
  }

  @Test
  void lookupWithoutOnsColumnsFails() {
    assertThatThrownBy(() -> AreaLookup.read(table("a,b\n1,2\n")))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("not an ONS LAD-CSP-PFA lookup");
  }

  private static ReferenceTable table(String text) {
    return ReferenceTable.read("test.csv", new StringReader(text));
  }
}
