package org.scrutineer.pipeline.schema;

/** Column names shared by every pipeline step. All columns are snake_case. */
public final class Columns {
  // Provenance of each raw record.
  public static final String SOURCE_FILE = "source_file";
  public static final String FILE_INDEX = "file_index";
  public static final String RECORD_TYPE = "record_type";
  public static final String LINE_NUMBER = "line_number";
  public static final String RAW_TEXT = "raw_text";
  public static final String PARSE_ERROR = "parse_error";
  public static final String PARSE_DETAIL = "parse_detail";
  public static final String FILE_ROWS = "file_rows";
  public static final String FILE_LINES = "file_lines";
  public static final String FILE_DUPLICATE_ROWS = "file_duplicate_rows";
  public static final String FILE_BYTES = "file_bytes";
  public static final String FILE_SHA256 = "file_sha256";

  // Canonical stop-and-search fields (strings in the raw layer).
  public static final String FORCE = "force";
  public static final String MONTH = "month";
  public static final String TYPE = "type";
  public static final String DATE = "date";
  public static final String PART_OF_OPERATION = "part_of_operation";
  public static final String OPERATION_NAME = "operation_name";
  public static final String LATITUDE = "latitude";
  public static final String LONGITUDE = "longitude";
  public static final String GENDER = "gender";
  public static final String AGE_RANGE = "age_range";
  public static final String SELF_DEFINED_ETHNICITY = "self_defined_ethnicity";
  public static final String OFFICER_DEFINED_ETHNICITY = "officer_defined_ethnicity";
  public static final String LEGISLATION = "legislation";
  public static final String OBJECT_OF_SEARCH = "object_of_search";
  public static final String OUTCOME = "outcome";
  public static final String OUTCOME_LINKED = "outcome_linked_to_object";
  public static final String REMOVAL_OF_CLOTHING = "removal_of_more_than_outer_clothing";
  public static final String DISTRICT = "district";

  // Canonical fields of the other powers (see PowerFormat).
  public static final String INCIDENT_ID = "incident_id";
  public static final String SUBJECT_ID = "subject_id";
  public static final String TACTICS = "tactics";
  public static final String REASONS = "reasons";
  public static final String IMPACT_FACTORS = "impact_factors";
  public static final String LOCATION_TYPE = "location_type";
  public static final String SUBJECT_INJURED = "subject_injured";
  public static final String STAFF_INJURED = "staff_injured";
  public static final String CUSTODY_ID = "custody_id";
  public static final String PERSON_ID = "person_id";
  public static final String DETENTION_AUTHORISED = "detention_authorised";
  public static final String RELEASE_TIME = "release_time";
  public static final String OFFENCE_GROUP = "offence_group";
  public static final String HOME_DISTRICT = "home_district";
  public static final String AGE = "age";
  public static final String VULNERABLE = "vulnerable";
  public static final String AA_REQUIRED = "appropriate_adult_required";
  public static final String AA_PRESENT = "appropriate_adult_present";
  public static final String STRIP_SEARCHED = "strip_searched";
  public static final String STRIP_SEARCH_REASON = "strip_search_reason";
  public static final String STRIP_SEARCH_ITEM_FOUND = "strip_search_item_found";
  public static final String INTIMATE_SEARCH = "intimate_search";
  public static final String FORCE_USED = "force_used";
  public static final String DISPOSAL = "disposal";
  public static final String NOTICE_ID = "notice_id";
  public static final String OFFENCE = "offence";
  public static final String PAID = "paid";
  public static final String CONTESTED = "contested";
  public static final String WITHDRAWN = "withdrawn";

  // Validation and derived columns.
  public static final String REJECT_REASON = "reject_reason";
  public static final String REJECT_DETAIL = "reject_detail";
  public static final String POWER = "power";
  public static final String FORCE_CODE = "force_code";
  public static final String EVENT_TIME = "event_time";
  public static final String PERSON_SEARCH = "person_search";
  public static final String ETHNIC_GROUP = "ethnic_group";
  public static final String OFFICER_ETHNIC_GROUP = "officer_ethnic_group";
  public static final String ARREST = "arrest";
  public static final String OUTCOME_KNOWN = "outcome_known";
  public static final String ANY_ACTION = "any_action";
  public static final String LINK_KNOWN = "link_known";
  public static final String LINKED_FIND = "linked_find";
  public static final String CHILD = "child";
  public static final String SEVERITY_STEP = "severity_step";
  public static final String DURATION_HOURS = "duration_hours";
  public static final String HOME_STATUS = "home_status";
  public static final String GEO_STATUS = "geo_status";
  public static final String LOCATED_DISTRICT = "located_district";

  // Field status columns: "valid", "blank", "not_stated" or "unmapped".
  public static final String STATUS_SUFFIX = "_status";

  // Aggregation keys and the record count of every aggregate.
  public static final String RECORDS = "records";
  public static final String BASIS = "basis";
  public static final String PERIOD_TYPE = "period_type";
  public static final String PERIOD = "period";
  public static final String GEOGRAPHY_LEVEL = "geography_level";
  public static final String AREA_CODE = "area_code";
  public static final String AREA_NAME = "area_name";

  // Test results shared by the statistical tables.
  public static final String P_VALUE = "p_value";
  public static final String FISHER_P = "fisher_p";
  public static final String Q_VALUE = "q_value";

  private Columns() {}

  /** The status column of a field, e.g. {@code gender_status}. */
  public static String status(String field) {
    return field + STATUS_SUFFIX;
  }
}
