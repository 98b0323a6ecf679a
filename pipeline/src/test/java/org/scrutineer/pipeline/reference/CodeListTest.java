package org.scrutineer.pipeline.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CodeListTest {

  /** Every self-defined label seen in data.police.uk files 2019-2021, with its broad group. */
  @Test
  void everyPoliceUkSelfDefinedLabelIsMapped() {
    String[][] labels = {
      {"White - English/Welsh/Scottish/Northern Irish/British", "White"},
      {"White - Irish", "White"},
      {"White - Gypsy or Irish Traveller", "White"},
      {"White - Any other White background", "White"},
      {"Asian/Asian British - Pakistani", "Asian"},
      {"Asian/Asian British - Indian", "Asian"},
      {"Asian/Asian British - Bangladeshi", "Asian"},
      {"Asian/Asian British - Chinese", "Asian"},
      {"Asian/Asian British - Any other Asian background", "Asian"},
      {"Black/African/Caribbean/Black British - African", "Black"},
      {"Black/African/Caribbean/Black British - Caribbean", "Black"},
      {
        "Black/African/Caribbean/Black British - Any other Black/African/Caribbean background",
        "Black"
      },
      {"Mixed/Multiple ethnic groups - White and Black Caribbean", "Mixed"},
      {"Mixed/Multiple ethnic groups - White and Black African", "Mixed"},
      {"Mixed/Multiple ethnic groups - White and Asian", "Mixed"},
      {"Mixed/Multiple ethnic groups - Any other Mixed/Multiple ethnic background", "Mixed"},
      {"Other ethnic group - Arab", "Other"},
      {"Other ethnic group - Any other ethnic group", "Other"},
      {"Other ethnic group - Not stated", "Unknown"},
    };
    for (String[] label : labels) {
      String key = CodeList.normalize(label[0]);
      assertThat(CodeList.SELF_DEFINED_ETHNICITY.classes().get(key))
          .as(label[0])
          .isEqualTo(label[1]);
      assertThat(CodeList.SELF_DEFINED_ETHNICITY.statuses().get(key))
          .isEqualTo(label[1].equals("Unknown") ? "not_stated" : "valid");
    }
  }

  @Test
  void theCanonicalNotStatedCodeIsARecordedNotKnownInEveryCodedFieldThatListsIt() {
    // The README's canonical formats give not_stated for ethnicity, gender and disposal.
    for (CodeList list :
        java.util.List.of(
            CodeList.SELF_DEFINED_ETHNICITY,
            CodeList.OFFICER_DEFINED_ETHNICITY,
            CodeList.GENDER,
            CodeList.of(org.scrutineer.pipeline.schema.Power.CUSTODY, "disposal"))) {
      assertThat(list.statuses().get(CodeList.normalize("not_stated"))).isEqualTo("not_stated");
    }
  }

  @Test
  void normalisationIgnoresCaseAndSpacing() {
    assertThat(CodeList.normalize("  White  -   Irish ")).isEqualTo("white - irish");
    assertThat(CodeList.OUTCOMES.classes().get(CodeList.normalize("A no further action disposal")))
        .isEqualTo("nfa");
    assertThat(CodeList.AGE_RANGE.statuses().get("over 34")).isEqualTo("valid");
  }

  @Test
  void registryHasTheFortyThreeForcesAndBritishTransportPolice() {
    ForceRegistry registry = ForceRegistry.builtIn();
    Set<String> codes = new HashSet<>();
    registry.forces().forEach(f -> codes.add(f.areaCode()));

    assertThat(registry.forces()).hasSize(44);
    assertThat(codes).hasSize(44);
    assertThat(registry.find("btp").orElseThrow().residentPopulation()).isFalse();
    assertThat(registry.find("metropolitan").orElseThrow().areaCode()).isEqualTo("E23000001");
    assertThat(registry.find("city-of-london").orElseThrow().areaCode()).isEqualTo("E23000034");
    assertThat(registry.forces().stream().filter(f -> !f.slug().equals("btp")))
        .allSatisfy(f -> assertThat(f.areaCode()).matches("[EW]\\d{8}"));
  }

  @Test
  void aUserRegistryAddsAndReplacesForces() {
    ReferenceTable extra =
        ReferenceTable.read(
            "forces.csv",
            new StringReader(
                "slug,name,area_code,resident_population\nkent,Kent Police,E23000032,true\nnew,New,E23900009,true\n"));
    ForceRegistry registry = ForceRegistry.builtIn().with(extra);

    assertThat(registry.find("kent").orElseThrow().name()).isEqualTo("Kent Police");
    assertThat(registry.find("new")).isPresent();
    assertThat(List.copyOf(registry.forces())).hasSize(45);
  }
}
