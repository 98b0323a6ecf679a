package org.scrutineer.pipeline.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one-line, machine-readable status of a run attempt: {@code status.json} in a complete run (so
 * {@code DIR/latest/status.json} describes the published run) and {@code DIR/last-attempt.json} for
 * the last attempt, whatever its outcome.
 *
 * @param runId the run's id ({@code null} when the attempt stopped before it had one, for example
 *     when the store was locked)
 * @param outcome how it ended
 * @param message one line for people: what was done, or what went wrong
 * @param started when the attempt started (ISO-8601, UTC)
 * @param finished when it ended (ISO-8601, UTC)
 * @param previousRun the run {@code latest} pointed to when the attempt started; {@code null} for a
 *     new store
 * @param published whether this attempt's run is now the one at {@code latest}
 * @param rowsRead input rows read ({@code null} when the run did not get that far)
 * @param rowsAccepted input rows accepted ({@code null} likewise)
 * @param rowsRejected input rows rejected ({@code null} likewise)
 */
public record RunStatus(
    String runId,
    Outcome outcome,
    String message,
    String started,
    String finished,
    String previousRun,
    boolean published,
    Long rowsRead,
    Long rowsAccepted,
    Long rowsRejected) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The status as one line of JSON (no line end). */
  public String toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("run_id", runId);
    json.put("outcome", outcome.code());
    json.put("exit_code", outcome.exitCode());
    json.put("message", message);
    json.put("started", started);
    json.put("finished", finished);
    json.put("previous_run", previousRun);
    json.put("published", published);
    json.put("rows_read", rowsRead);
    json.put("rows_accepted", rowsAccepted);
    json.put("rows_rejected", rowsRejected);
    try {
      return JSON.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads a status written by {@link #toJson}. */
  public static RunStatus fromJson(String text) {
    try {
      JsonNode node = JSON.readTree(text);
      return new RunStatus(
          textOrNull(node, "run_id"),
          outcomeOf(node.path("outcome").asText()),
          textOrNull(node, "message"),
          textOrNull(node, "started"),
          textOrNull(node, "finished"),
          textOrNull(node, "previous_run"),
          node.path("published").asBoolean(),
          longOrNull(node, "rows_read"),
          longOrNull(node, "rows_accepted"),
          longOrNull(node, "rows_rejected"));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Not a run status: " + e.getOriginalMessage(), e);
    }
  }

  private static Outcome outcomeOf(String code) {
    for (Outcome outcome : Outcome.values()) {
      if (outcome.code().equals(code)) {
        return outcome;
      }
    }
    throw new IllegalArgumentException("Unknown outcome '" + code + "'");
  }

  private static String textOrNull(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Long longOrNull(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asLong();
  }
}
