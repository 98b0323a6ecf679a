package org.scrutineer.pipeline.schema;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A key field of a power whose completeness the {@code missing_data} table reports: every field of
 * the power's format with a missing-data scope, plus {@code location} (latitude and longitude
 * together) for stop and search. Stop-and-search person fields are counted over person searches (a
 * vehicle-only search has no person to describe); every other field over all records of its power.
 *
 * @param power the power
 * @param field the field's name in the {@code field} column of {@code missing_data}
 * @param scope {@link Field#ALL_RECORDS} or {@link Field#PERSON_SEARCHES}
 */
public record MissingField(Power power, String field, String scope) {
  /** The stop-and-search pseudo-field for latitude and longitude together. */
  public static final String LOCATION = "location";

  /** Every reported field of every power, power by power. */
  public static final List<MissingField> ALL = all();

  /** The distinct field names of {@link #ALL}: one {@code <field>_status} column each. */
  public static final List<String> NAMES = names();

  /** The reported fields of one power. */
  public static List<MissingField> of(Power power) {
    return ALL.stream().filter(f -> f.power == power).toList();
  }

  /** Whether the field is counted over person searches only. */
  public boolean personOnly() {
    return scope.equals(Field.PERSON_SEARCHES);
  }

  /** The status column holding valid/blank/not_stated/unmapped for a field. */
  public static String statusColumn(String field) {
    return Columns.status(field);
  }

  /** The status column of this field. */
  public String statusColumn() {
    return statusColumn(field);
  }

  private static List<MissingField> all() {
    List<MissingField> fields = new ArrayList<>();
    for (Power power : Power.values()) {
      for (Field field : power.format().fields()) {
        if (field.reported()) {
          fields.add(new MissingField(power, field.name(), field.missingScope()));
        }
      }
      if (power == Power.STOP_SEARCH) {
        fields.add(new MissingField(power, LOCATION, Field.ALL_RECORDS));
      }
    }
    return List.copyOf(fields);
  }

  private static List<String> names() {
    Set<String> names = new LinkedHashSet<>();
    ALL.forEach(f -> names.add(f.field));
    return List.copyOf(names);
  }
}
