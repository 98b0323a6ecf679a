package org.scrutineer.pipeline.standardize;

import static org.apache.spark.sql.functions.array_max;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.try_element_at;
import static org.apache.spark.sql.functions.try_to_timestamp;
import static org.apache.spark.sql.functions.when;
import static org.scrutineer.pipeline.schema.Columns.AGE;
import static org.scrutineer.pipeline.schema.Columns.AGE_RANGE;
import static org.scrutineer.pipeline.schema.Columns.ANY_ACTION;
import static org.scrutineer.pipeline.schema.Columns.ARREST;
import static org.scrutineer.pipeline.schema.Columns.DATE;
import static org.scrutineer.pipeline.schema.Columns.DISTRICT;
import static org.scrutineer.pipeline.schema.Columns.ETHNIC_GROUP;
import static org.scrutineer.pipeline.schema.Columns.EVENT_TIME;
import static org.scrutineer.pipeline.schema.Columns.FORCE;
import static org.scrutineer.pipeline.schema.Columns.FORCE_CODE;
import static org.scrutineer.pipeline.schema.Columns.LATITUDE;
import static org.scrutineer.pipeline.schema.Columns.LINKED_FIND;
import static org.scrutineer.pipeline.schema.Columns.LINK_KNOWN;
import static org.scrutineer.pipeline.schema.Columns.LONGITUDE;
import static org.scrutineer.pipeline.schema.Columns.OFFICER_DEFINED_ETHNICITY;
import static org.scrutineer.pipeline.schema.Columns.OFFICER_ETHNIC_GROUP;
import static org.scrutineer.pipeline.schema.Columns.OUTCOME;
import static org.scrutineer.pipeline.schema.Columns.OUTCOME_KNOWN;
import static org.scrutineer.pipeline.schema.Columns.OUTCOME_LINKED;
import static org.scrutineer.pipeline.schema.Columns.PARSE_DETAIL;
import static org.scrutineer.pipeline.schema.Columns.PARSE_ERROR;
import static org.scrutineer.pipeline.schema.Columns.PERSON_SEARCH;
import static org.scrutineer.pipeline.schema.Columns.POWER;
import static org.scrutineer.pipeline.schema.Columns.RAW_TEXT;
import static org.scrutineer.pipeline.schema.Columns.RECORD_TYPE;
import static org.scrutineer.pipeline.schema.Columns.REJECT_DETAIL;
import static org.scrutineer.pipeline.schema.Columns.REJECT_REASON;
import static org.scrutineer.pipeline.schema.Columns.SELF_DEFINED_ETHNICITY;
import static org.scrutineer.pipeline.schema.Columns.TYPE;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.scrutineer.pipeline.ingest.GeoStatus;
import org.scrutineer.pipeline.ingest.RawSchema;
import org.scrutineer.pipeline.reference.CodeList;
import org.scrutineer.pipeline.reference.FieldStatus;
import org.scrutineer.pipeline.reference.Force;
import org.scrutineer.pipeline.reference.ForceRegistry;
import org.scrutineer.pipeline.schema.Columns;
import org.scrutineer.pipeline.schema.EthnicGroup;
import org.scrutineer.pipeline.schema.Field;
import org.scrutineer.pipeline.schema.FieldType;
import org.scrutineer.pipeline.schema.MissingField;
import org.scrutineer.pipeline.schema.Power;
import org.scrutineer.pipeline.schema.PowerFormat;
import org.scrutineer.pipeline.schema.RejectReason;

/**
 * Validates canonical records of every power and derives the analysis columns, with column
 * expressions only (one code path for all four powers, driven by {@link PowerFormat}).
 *
 * <p>Input: raw-layer rows ({@code RawSchema}). Output: the same rows and columns plus {@code
 * reject_reason} and {@code reject_detail} (null on accepted rows; the first rule broken and every
 * rule broken, in words), and, for use on accepted rows: {@code force_code}, {@code event_time}
 * (timestamp, null when the date is blank), {@code person_search} (false only for a vehicle-only
 * search), {@code ethnic_group} (the power's primary ethnicity in 5+1 groups: self-defined, except
 * use of force, which records only the officer's perception; blank, not stated and unmapped values
 * are Unknown), {@code officer_ethnic_group}, {@code child} (under 18; null when age is not known),
 * the stop-and-search outcome flags ({@code arrest}, {@code outcome_known}, {@code any_action},
 * {@code link_known}, {@code linked_find}; null for other powers), {@code severity_step} (use of
 * force: the highest ladder step of the row's tactics, 0 for tactics off the ladder, null when no
 * tactic is recorded), {@code duration_hours} (custody: detention authorised to release), {@code
 * home_status} (custody and FPN: resident, visitor or unknown), and one {@code <field>_status}
 * column per {@link MissingField} name (null for powers without the field). {@code raw_text} is
 * kept only on rejected rows.
 *
 * <p>Rules (source-format rules were applied while reading): a required field is present; a
 * stop-and-search type is one of the three data.police.uk search types; latitude and longitude are
 * both blank or both numbers within WGS84 range; True/False fields hold True, False or nothing; an
 * age is whole years from 0 to 120; a district is a 9-character ONS code (a home district may also
 * be {@code outside_force}); a custody release is not before detention was authorised. Unrecognised
 * codes in coded fields are not rejects: they are kept, counted as unmapped and gated.
 */
public final class Records {
  private static final String TRUE = "true";
  private static final String FALSE = "false";
  private static final List<String> TYPES =
      List.of("person search", "person and vehicle search", "vehicle search");
  private static final String SELF_KEY = "_self_defined_key";
  private static final String CODE_IN_BRACKETS = "\\(([A-Za-z][0-9]|NS|ns)\\)\\s*$";
  private static final String ONS_CODE = "^[A-Z][0-9]{8}$";

  /** {@code home_district} value for a home outside the force area. */
  public static final String OUTSIDE_FORCE = "outside_force";

  /** {@code home_status} values. */
  public static final String RESIDENT = "resident";

  public static final String VISITOR = "visitor";
  public static final String UNKNOWN = "unknown";

  private Records() {}

  /** Adds validation and derived columns, with no district-to-force lookup. */
  public static Dataset<Row> standardize(Dataset<Row> records, ForceRegistry registry) {
    return standardize(records, registry, Map.of(), EnumSet.allOf(Power.class));
  }

  /**
   * Adds validation and derived columns to raw records.
   *
   * @param districtForces district code to police force area code (the ONS lookup), used to tell
   *     residents from visitors; empty when no lookup was given (then only {@code outside_force}
   *     marks a visitor and a home district code is {@code unknown} status)
   * @param present the powers whose files are read: expressions are built for these only (the
   *     columns of the others are null), so a stop-and-search run pays for stop and search alone
   */
  public static Dataset<Row> standardize(
      Dataset<Row> records,
      ForceRegistry registry,
      Map<String, String> districtForces,
      Set<Power> present) {
    // Each row is checked against its own power's rules only: one CASE branch per power.
    Column byPower = null;
    Column detailByPower = null;
    for (Map.Entry<Power, List<Rule>> entry : rules().entrySet()) {
      if (!present.contains(entry.getKey())) {
        continue;
      }
      Column first = null;
      List<Column> details = new ArrayList<>();
      for (Rule rule : entry.getValue()) {
        Column broken = when(rule.broken, lit(rule.reason.name()));
        first = first == null ? broken : coalesce(first, broken);
        details.add(when(rule.broken, rule.detail));
      }
      Column detailOf = functions.nullif(concat_ws("; ", details.toArray(new Column[0])), lit(""));
      Column power = is(entry.getKey());
      byPower = byPower == null ? when(power, first) : byPower.when(power, first);
      detailByPower =
          detailByPower == null ? when(power, detailOf) : detailByPower.when(power, detailOf);
    }
    Column reason = coalesce(col(PARSE_ERROR), byPower);
    Column detail = when(col(PARSE_ERROR).isNotNull(), col(PARSE_DETAIL)).otherwise(detailByPower);
    // File summary rows are not records: they carry a header problem, never a record rule.
    Column isRecord = col(RECORD_TYPE).equalTo(lit(RawSchema.RECORD));
    reason = when(isRecord, reason);
    detail = when(isRecord, detail).otherwise(col(PARSE_DETAIL));

    Column stopSearch = is(Power.STOP_SEARCH);
    Column outcomeClass =
        try_element_at(mapLiteral(CodeList.OUTCOMES.classes()), normalized(col(OUTCOME)));
    Column linked = lower(col(OUTCOME_LINKED));
    Column selfGroup = group(col(SELF_KEY), CodeList.SELF_DEFINED_ETHNICITY);
    Column officerGroup =
        group(normalized(col(OFFICER_DEFINED_ETHNICITY)), CodeList.OFFICER_DEFINED_ETHNICITY);
    Column authorised = try_to_timestamp(col(Columns.DETENTION_AUTHORISED));
    Column released = try_to_timestamp(col(Columns.RELEASE_TIME));

    Dataset<Row> out =
        records
            .withColumn(SELF_KEY, ethnicityKey(col(SELF_DEFINED_ETHNICITY)))
            .withColumn(REJECT_REASON, reason)
            .withColumn(REJECT_DETAIL, detail)
            .withColumn(RAW_TEXT, when(col(REJECT_REASON).isNotNull(), col(RAW_TEXT)))
            .withColumn(FORCE_CODE, try_element_at(mapLiteral(forceCodes(registry)), col(FORCE)))
            .withColumn(Columns.GEO_STATUS, ownForce(districtForces))
            .withColumn(
                DISTRICT,
                when(
                        col(Columns.GEO_STATUS).equalTo(lit(GeoStatus.OUTSIDE_FORCE.code())),
                        lit(null).cast(DataTypes.StringType))
                    .otherwise(col(DISTRICT)))
            .withColumn(EVENT_TIME, try_to_timestamp(col(DATE)))
            .withColumn(
                PERSON_SEARCH,
                when(stopSearch, normalized(col(TYPE)).notEqual(lit("vehicle search")))
                    .otherwise(lit(true)))
            .withColumn(
                ETHNIC_GROUP, when(is(Power.USE_OF_FORCE), officerGroup).otherwise(selfGroup))
            .withColumn(OFFICER_ETHNIC_GROUP, officerGroup)
            .withColumn(Columns.CHILD, child())
            .withColumn(
                ARREST,
                only(
                    present,
                    Power.STOP_SEARCH,
                    DataTypes.BooleanType,
                    coalesce(outcomeClass.equalTo(Columns.ARREST), lit(false))))
            .withColumn(
                OUTCOME_KNOWN,
                only(
                    present,
                    Power.STOP_SEARCH,
                    DataTypes.BooleanType,
                    coalesce(outcomeClass.isin("arrest", "action", "nfa"), lit(false))))
            .withColumn(
                ANY_ACTION,
                only(
                    present,
                    Power.STOP_SEARCH,
                    DataTypes.BooleanType,
                    coalesce(outcomeClass.isin("arrest", "action"), lit(false))))
            .withColumn(
                LINK_KNOWN,
                only(
                    present,
                    Power.STOP_SEARCH,
                    DataTypes.BooleanType,
                    coalesce(linked.isin(TRUE, FALSE), lit(false))))
            .withColumn(
                LINKED_FIND,
                only(
                    present,
                    Power.STOP_SEARCH,
                    DataTypes.BooleanType,
                    coalesce(linked.equalTo(TRUE), lit(false))))
            .withColumn(
                Columns.SEVERITY_STEP,
                only(
                    present,
                    Power.USE_OF_FORCE,
                    DataTypes.IntegerType,
                    when(
                        col(Columns.TACTICS).isNotNull(),
                        coalesce(
                            array_max(
                                transform(
                                    codes(col(Columns.TACTICS)),
                                    code ->
                                        try_element_at(
                                                mapLiteral(
                                                    CodeList.of(Power.USE_OF_FORCE, Columns.TACTICS)
                                                        .classes()),
                                                code)
                                            .cast(DataTypes.IntegerType))),
                            lit(0)))))
            .withColumn(
                Columns.DURATION_HOURS,
                only(
                    present,
                    Power.CUSTODY,
                    DataTypes.DoubleType,
                    released
                        .cast(DataTypes.DoubleType)
                        .minus(authorised.cast(DataTypes.DoubleType))
                        .divide(3600.0)))
            .withColumn(Columns.HOME_STATUS, homeStatus(districtForces, present));
    for (String field : MissingField.NAMES) {
      out = out.withColumn(MissingField.statusColumn(field), status(field, present));
    }
    return out.drop(SELF_KEY);
  }

  /** Every record rule, by the power whose records it checks. */
  private static Map<Power, List<Rule>> rules() {
    Map<Power, List<Rule>> byPower = new java.util.EnumMap<>(Power.class);
    for (Power power : Power.values()) {
      List<Rule> rules = byPower.computeIfAbsent(power, p -> new ArrayList<>());
      for (Field field : power.format().fields()) {
        String name = field.name();
        Column value = col(name);
        if (field.required() && !name.equals(DATE) && !name.equals(FORCE)) {
          rules.add(
              new Rule(
                  value.isNull(),
                  RejectReason.MISSING_REQUIRED,
                  lit(String.format("%s is blank", name))));
        }
        switch (field.type()) {
          case STRICT_CODE ->
              rules.add(
                  new Rule(
                      value.isNotNull().and(functions.not(normalized(value).isin(TYPES.toArray()))),
                      RejectReason.INVALID_TYPE,
                      functions.format_string(
                          "Type '%s' is not a data.police.uk search type", value)));
          case BOOLEAN ->
              rules.add(
                  new Rule(
                      value.isNotNull().and(functions.not(lower(value).isin(TRUE, FALSE))),
                      RejectReason.INVALID_BOOLEAN,
                      functions.format_string(
                          "%s is '%s' (must be True, False or blank)", lit(name), value)));
          case AGE -> {
            Column years = value.try_cast(DataTypes.IntegerType);
            rules.add(
                new Rule(
                    value
                        .isNotNull()
                        .and(
                            functions
                                .not(value.rlike("^[0-9]{1,3}$"))
                                .or(years.isNull())
                                .or(years.gt(120))),
                    RejectReason.INVALID_NUMBER,
                    functions.format_string(
                        "%s is '%s' (must be whole years from 0 to 120)", lit(name), value)));
          }
          case AREA_CODE, HOME_AREA -> {
            Column allowed = value.rlike(ONS_CODE);
            if (field.type() == FieldType.HOME_AREA) {
              allowed = allowed.or(lower(value).equalTo(OUTSIDE_FORCE));
            }
            rules.add(
                new Rule(
                    value.isNotNull().and(functions.not(allowed)),
                    RejectReason.INVALID_DISTRICT,
                    functions.format_string(
                        "%s '%s' is not a 9-character ONS code%s",
                        lit(name),
                        value,
                        lit(field.type() == FieldType.HOME_AREA ? " or outside_force" : ""))));
          }
          default -> {}
        }
      }
    }
    Column lat = col(LATITUDE).try_cast(DataTypes.DoubleType);
    Column lon = col(LONGITUDE).try_cast(DataTypes.DoubleType);
    byPower
        .get(Power.STOP_SEARCH)
        .add(
            new Rule(
                col(LATITUDE)
                    .isNull()
                    .notEqual(col(LONGITUDE).isNull())
                    .or(col(LATITUDE).isNotNull().and(outside(lat, 90)))
                    .or(col(LONGITUDE).isNotNull().and(outside(lon, 180))),
                RejectReason.INVALID_COORDINATES,
                functions.format_string(
                    "Latitude '%s' and longitude '%s' are not both blank or both valid degrees",
                    coalesce(col(LATITUDE), lit("")), coalesce(col(LONGITUDE), lit("")))));
    Column authorised = try_to_timestamp(col(Columns.DETENTION_AUTHORISED));
    Column released = try_to_timestamp(col(Columns.RELEASE_TIME));
    byPower
        .get(Power.CUSTODY)
        .add(
            new Rule(
                released.lt(authorised),
                RejectReason.INVALID_DURATION,
                functions.format_string(
                    "release_time %s is before detention_authorised %s",
                    col(Columns.RELEASE_TIME), col(Columns.DETENTION_AUTHORISED))));
    return byPower;
  }

  /** Whether the row is of this power. */
  static Column is(Power power) {
    return col(POWER).equalTo(lit(power.code()));
  }

  /** A {@code ;}-separated code field as an array of normalised codes (null when blank). */
  static Column codes(Column value) {
    return transform(split(value, ";"), code -> lower(trim(code)));
  }

  /** Under 18: from age in years, or from an age band (null when neither is known). */
  private static Column child() {
    Column years = col(AGE).try_cast(DataTypes.IntegerType);
    Column band = normalized(col(AGE_RANGE));
    Column uofBand =
        try_element_at(mapLiteral(CodeList.of(Power.USE_OF_FORCE, AGE_RANGE).classes()), band);
    return when(years.isNotNull(), years.lt(18))
        .when(
            is(Power.USE_OF_FORCE).and(uofBand.isin("child", "adult")),
            uofBand.equalTo(Columns.CHILD))
        .when(
            is(Power.STOP_SEARCH).and(band.isin("under 10", "10-17", "18-24", "25-34", "over 34")),
            band.isin("under 10", "10-17"));
  }

  /**
   * {@code geo_status}, with a point placed in a district of another force area marked {@code
   * outside_force} (its district is then Unknown, never moved to the other force). Checked only for
   * forces whose area the lookup knows (not British Transport Police) and districts it knows.
   */
  private static Column ownForce(Map<String, String> districtForces) {
    if (districtForces.isEmpty()) {
      return col(Columns.GEO_STATUS);
    }
    Column located = try_element_at(mapLiteral(districtForces), col(DISTRICT));
    Column knownArea =
        col(FORCE_CODE).isin(new java.util.TreeSet<>(districtForces.values()).toArray());
    return when(
            col(Columns.GEO_STATUS)
                .equalTo(lit(GeoStatus.ASSIGNED.code()))
                .and(knownArea)
                .and(located.isNotNull())
                .and(located.notEqual(col(FORCE_CODE))),
            lit(GeoStatus.OUTSIDE_FORCE.code()))
        .otherwise(col(Columns.GEO_STATUS));
  }

  /** resident, visitor or unknown, for powers with a home district; null for the others. */
  private static Column homeStatus(Map<String, String> districtForces, Set<Power> present) {
    Column home = col(Columns.HOME_DISTRICT);
    Column homeForce =
        districtForces.isEmpty()
            ? lit(null).cast(DataTypes.StringType)
            : try_element_at(mapLiteral(districtForces), home);
    Column withHome = lit(false);
    for (Power power : Power.values()) {
      if (power.format().has(Columns.HOME_DISTRICT) && present.contains(power)) {
        withHome = withHome.or(is(power));
      }
    }
    return when(
        withHome,
        when(lower(home).equalTo(OUTSIDE_FORCE), lit(VISITOR))
            .when(homeForce.isNull(), lit(UNKNOWN))
            .when(homeForce.equalTo(col(FORCE_CODE)), lit(RESIDENT))
            .otherwise(lit(VISITOR)));
  }

  /** The status of a reported field, by the power's field type and code list. */
  private static Column status(String field, Set<Power> present) {
    Column status = null;
    for (MissingField missing : MissingField.ALL) {
      if (!missing.field().equals(field) || !present.contains(missing.power())) {
        continue;
      }
      Column expr = statusOf(missing.power(), field);
      status =
          status == null ? when(is(missing.power()), expr) : status.when(is(missing.power()), expr);
    }
    return status == null ? lit(null).cast(DataTypes.StringType) : status;
  }

  /**
   * {@code value} on rows of {@code power}, null on others; a typed null when the power is not read
   * at all.
   */
  private static Column only(Set<Power> present, Power power, DataType type, Column value) {
    return present.contains(power) ? when(is(power), value) : lit(null).cast(type);
  }

  private static Column statusOf(Power power, String field) {
    if (field.equals(MissingField.LOCATION)) {
      return presence(coalesce(col(LATITUDE), col(LONGITUDE)));
    }
    Column value = col(field);
    FieldType type = power.format().field(field).type();
    CodeList codes = CodeList.of(power, field);
    if (type == FieldType.CODES && codes != null) {
      Column map = mapLiteral(codes.statuses());
      return when(value.isNull(), lit(FieldStatus.BLANK.code()))
          .when(
              functions.exists(codes(value), code -> try_element_at(map, code).isNull()),
              lit(FieldStatus.UNMAPPED.code()))
          .otherwise(lit(FieldStatus.VALID.code()));
    }
    if (type == FieldType.CODE && codes != null) {
      Column key = field.equals(SELF_DEFINED_ETHNICITY) ? col(SELF_KEY) : normalized(value);
      return when(value.isNull(), lit(FieldStatus.BLANK.code()))
          .otherwise(
              coalesce(
                  try_element_at(mapLiteral(codes.statuses()), key),
                  lit(FieldStatus.UNMAPPED.code())));
    }
    return presence(value);
  }

  /**
   * The form code lists match: lower case. The reader has already trimmed values and folded inner
   * white space ({@code CodeList.normalize} is the same rule in Java).
   */
  static Column normalized(Column value) {
    return lower(value);
  }

  /** A self-defined label's lookup key: its bracketed code if it has one, else the label. */
  public static Column ethnicityKey(Column value) {
    Column code = regexp_extract(value, CODE_IN_BRACKETS, 1);
    return when(code.notEqual(lit("")), lower(code)).otherwise(normalized(value));
  }

  private static Column group(Column key, CodeList codes) {
    return coalesce(
        try_element_at(mapLiteral(codes.classes()), key), lit(EthnicGroup.UNKNOWN.label()));
  }

  private static Column presence(Column value) {
    return when(value.isNull(), lit(FieldStatus.BLANK.code()))
        .otherwise(lit(FieldStatus.VALID.code()));
  }

  private static Column outside(Column degrees, double limit) {
    return degrees.isNull().or(degrees.lt(-limit)).or(degrees.gt(limit));
  }

  private static Map<String, String> forceCodes(ForceRegistry registry) {
    Map<String, String> codes = new LinkedHashMap<>();
    for (Force force : registry.forces()) {
      codes.put(force.slug(), force.areaCode());
    }
    return codes;
  }

  /** A literal map column, for lookups of small code lists without a join. */
  public static Column mapLiteral(Map<String, String> map) {
    if (map.isEmpty()) {
      return functions.map_from_arrays(
          functions.array().cast("array<string>"), functions.array().cast("array<string>"));
    }
    List<Column> entries = new ArrayList<>(map.size() * 2);
    map.forEach(
        (k, v) -> {
          entries.add(lit(k));
          entries.add(lit(v));
        });
    return functions.map(entries.toArray(new Column[0]));
  }

  private record Rule(Column broken, RejectReason reason, Column detail) {}
}
