package org.scrutineer.pipeline.schema;

import static org.scrutineer.pipeline.schema.Field.ALL_RECORDS;
import static org.scrutineer.pipeline.schema.Field.PERSON_SEARCHES;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The canonical record format of each power: its fields in canonical CSV order, with types,
 * required flags and descriptions. A canonical CSV file has a header naming these fields (in any
 * order; {@code force} is required, and fields a force cannot supply may be left out); a force
 * export is mapped onto them with an extract mapping whose {@code power} names the format.
 *
 * <p>Fields with the same name mean the same thing in every power (date, district, gender,
 * ethnicity); the code lists of {@code outcome} and {@code age_range} differ by power.
 */
public final class PowerFormat {
  private final Power power;
  private final List<Field> fields;
  private final String unit;

  private PowerFormat(Power power, String unit, List<Field> fields) {
    this.power = power;
    this.unit = unit;
    this.fields = List.copyOf(fields);
  }

  /** The format of a power. */
  public static PowerFormat of(Power power) {
    return FORMATS.get(power);
  }

  /** The power. */
  public Power power() {
    return power;
  }

  /** The unit one event counts, in words (e.g. "subject-incident"). */
  public String unit() {
    return unit;
  }

  /** The fields, in canonical CSV order. */
  public List<Field> fields() {
    return fields;
  }

  /** The field names, in canonical CSV order. */
  public List<String> names() {
    return fields.stream().map(Field::name).toList();
  }

  /** The field of this name, or {@code null}. */
  public Field field(String name) {
    return fields.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
  }

  /** Whether the power has a field of this name. */
  public boolean has(String name) {
    return field(name) != null;
  }

  private static Field f(String name, FieldType type, String description) {
    return new Field(name, type, false, ALL_RECORDS, description);
  }

  private static Field required(String name, FieldType type, String description) {
    return new Field(name, type, true, null, description);
  }

  private static Field unreported(String name, FieldType type, String description) {
    return new Field(name, type, false, null, description);
  }

  private static Field person(String name, FieldType type, String description) {
    return new Field(name, type, false, PERSON_SEARCHES, description);
  }

  private static final Field FORCE =
      unreported(
          Columns.FORCE,
          FieldType.TEXT,
          "Force slug (data.police.uk style, e.g. west-midlands); required in canonical files.");
  private static final Field DISTRICT =
      f(Columns.DISTRICT, FieldType.AREA_CODE, "ONS code of the local authority district.");
  private static final Field GENDER =
      f(Columns.GENDER, FieldType.CODE, "Male, Female, Other, or Not stated.");
  private static final Field SELF =
      f(
          Columns.SELF_DEFINED_ETHNICITY,
          FieldType.CODE,
          "Self-defined ethnicity: 16+1/18+1 label or code, or Not stated.");
  private static final Field OFFICER =
      f(
          Columns.OFFICER_DEFINED_ETHNICITY,
          FieldType.CODE,
          "Officer-defined (perceived) ethnicity: White, Black, Asian, Mixed, Other or an IC code.");
  private static final Field AGE =
      f(Columns.AGE, FieldType.AGE, "Age in whole years (0 to 120) at the time of the event.");
  private static final Field PERSON_ID =
      unreported(
          Columns.PERSON_ID,
          FieldType.TEXT,
          "Pseudonymised person identifier (a keyed hash; never a name or PNC number).");

  private static final Map<Power, PowerFormat> FORMATS = formats();

  /** Every field of every power, by name, first definition first (the raw layer's columns). */
  public static final List<String> ALL_FIELDS = allFields();

  private static Map<Power, PowerFormat> formats() {
    Map<Power, PowerFormat> formats = new EnumMap<>(Power.class);
    formats.put(
        Power.STOP_SEARCH,
        new PowerFormat(
            Power.STOP_SEARCH,
            "person search",
            List.of(
                new Field(
                    Columns.TYPE,
                    FieldType.STRICT_CODE,
                    true,
                    null,
                    "Person search, Person and Vehicle search or Vehicle search."),
                new Field(
                    Columns.DATE,
                    FieldType.DATE_TIME,
                    false,
                    ALL_RECORDS,
                    "Date and time of the search."),
                unreported(Columns.PART_OF_OPERATION, FieldType.BOOLEAN, "True or False."),
                unreported(Columns.OPERATION_NAME, FieldType.TEXT, "Policing operation name."),
                unreported(Columns.LATITUDE, FieldType.DEGREES, "WGS84 latitude."),
                unreported(Columns.LONGITUDE, FieldType.DEGREES, "WGS84 longitude."),
                person(Columns.GENDER, FieldType.CODE, "Male, Female, Other."),
                person(
                    Columns.AGE_RANGE, FieldType.CODE, "under 10, 10-17, 18-24, 25-34, over 34."),
                person(Columns.SELF_DEFINED_ETHNICITY, FieldType.CODE, SELF.description()),
                person(Columns.OFFICER_DEFINED_ETHNICITY, FieldType.CODE, OFFICER.description()),
                f(Columns.LEGISLATION, FieldType.TEXT, "Power used, e.g. Misuse of Drugs Act."),
                f(Columns.OBJECT_OF_SEARCH, FieldType.TEXT, "What was searched for."),
                f(Columns.OUTCOME, FieldType.CODE, "data.police.uk outcome wording."),
                f(Columns.OUTCOME_LINKED, FieldType.BOOLEAN, "Outcome linked to the object."),
                person(
                    Columns.REMOVAL_OF_CLOTHING,
                    FieldType.BOOLEAN,
                    "More than outer clothing removed (a strip search)."),
                unreported(Columns.DISTRICT, FieldType.AREA_CODE, DISTRICT.description()),
                FORCE)));
    formats.put(
        Power.USE_OF_FORCE,
        new PowerFormat(
            Power.USE_OF_FORCE,
            "subject-incident",
            List.of(
                FORCE,
                required(
                    Columns.INCIDENT_ID,
                    FieldType.TEXT,
                    "Incident reference; every officer's report on the incident carries it."),
                unreported(
                    Columns.SUBJECT_ID,
                    FieldType.TEXT,
                    "The subject within the incident (e.g. 1, 2); blank when one subject."),
                required(Columns.DATE, FieldType.DATE_TIME, "Date and time of the incident."),
                DISTRICT,
                f(
                    Columns.AGE_RANGE,
                    FieldType.CODE,
                    "Subject's age band: 0-10, 11-17, 18-34, 35-49, 50-64, 65 and over."),
                GENDER,
                OFFICER,
                f(
                    Columns.TACTICS,
                    FieldType.CODES,
                    "Tactics used, separated by ';' (e.g. handcuffing_compliant;taser_drawn)."),
                f(Columns.REASONS, FieldType.CODES, "Reasons for force, separated by ';'."),
                f(Columns.IMPACT_FACTORS, FieldType.CODES, "Impact factors, separated by ';'."),
                f(Columns.LOCATION_TYPE, FieldType.CODE, "Where force was used."),
                f(Columns.SUBJECT_INJURED, FieldType.BOOLEAN, "The subject was injured."),
                f(Columns.STAFF_INJURED, FieldType.BOOLEAN, "The officer was injured."),
                f(Columns.OUTCOME, FieldType.CODE, "What happened to the subject."))));
    formats.put(
        Power.CUSTODY,
        new PowerFormat(
            Power.CUSTODY,
            "detention",
            List.of(
                FORCE,
                required(Columns.CUSTODY_ID, FieldType.TEXT, "Custody record number."),
                PERSON_ID,
                required(Columns.DATE, FieldType.DATE_TIME, "Date and time of the arrest."),
                f(
                    Columns.DETENTION_AUTHORISED,
                    FieldType.DATE_TIME,
                    "When the custody officer authorised detention; blank when refused."),
                f(Columns.RELEASE_TIME, FieldType.DATE_TIME, "When the detainee left custody."),
                f(Columns.OFFENCE_GROUP, FieldType.CODE, "Offence group of the arrest."),
                f(Columns.DISTRICT, FieldType.AREA_CODE, "ONS code of the arresting district."),
                f(
                    Columns.HOME_DISTRICT,
                    FieldType.HOME_AREA,
                    "ONS code of the home district, or outside_force."),
                SELF,
                OFFICER,
                AGE,
                GENDER,
                f(Columns.VULNERABLE, FieldType.BOOLEAN, "Assessed as vulnerable."),
                f(
                    Columns.AA_REQUIRED,
                    FieldType.BOOLEAN,
                    "An appropriate adult was required (a child or vulnerable adult)."),
                f(Columns.AA_PRESENT, FieldType.BOOLEAN, "An appropriate adult was present."),
                f(
                    Columns.STRIP_SEARCHED,
                    FieldType.BOOLEAN,
                    "Strip searched (PACE Code C Annex A)."),
                unreported(Columns.STRIP_SEARCH_REASON, FieldType.TEXT, "Why, as recorded."),
                unreported(
                    Columns.STRIP_SEARCH_ITEM_FOUND,
                    FieldType.BOOLEAN,
                    "The strip search found an item."),
                f(Columns.INTIMATE_SEARCH, FieldType.BOOLEAN, "Intimate search."),
                f(Columns.FORCE_USED, FieldType.BOOLEAN, "Force was used in custody."),
                f(Columns.DISPOSAL, FieldType.CODE, "How the detention ended."))));
    formats.put(
        Power.FPN,
        new PowerFormat(
            Power.FPN,
            "notice",
            List.of(
                FORCE,
                required(Columns.NOTICE_ID, FieldType.TEXT, "Notice number."),
                PERSON_ID,
                required(Columns.DATE, FieldType.DATE_TIME, "Date (and time) of issue."),
                f(Columns.OFFENCE, FieldType.CODE, "Offence, e.g. covid_regulations."),
                f(Columns.DISTRICT, FieldType.AREA_CODE, "ONS code of the issuing district."),
                f(
                    Columns.HOME_DISTRICT,
                    FieldType.HOME_AREA,
                    "ONS code of the recipient's home district, or outside_force."),
                SELF,
                OFFICER,
                AGE,
                GENDER,
                f(Columns.PAID, FieldType.BOOLEAN, "The penalty was paid."),
                unreported(Columns.CONTESTED, FieldType.BOOLEAN, "The notice was contested."),
                unreported(Columns.WITHDRAWN, FieldType.BOOLEAN, "The notice was withdrawn."))));
    return formats;
  }

  private static List<String> allFields() {
    Map<String, Field> all = new LinkedHashMap<>();
    for (Power power : Power.values()) {
      for (Field field : FORMATS.get(power).fields) {
        if (!field.name().equals(Columns.FORCE)) {
          all.putIfAbsent(field.name(), field);
        }
      }
    }
    return List.copyOf(new ArrayList<>(all.keySet()));
  }
}
