package org.scrutineer.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.scrutineer.pipeline.store.ResultsStore;
import org.scrutineer.pipeline.store.RunStatus;
import org.scrutineer.pipeline.store.StoreException;
import org.scrutineer.pipeline.store.StoredRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scrutineer runs}: lists the complete runs kept in a results store, oldest first, with
 * their outcome and row counts, marking the one published at {@code latest}. Starts no Spark.
 */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the runs kept in a results store (--out of 'run'), oldest first: id, outcome, rows"
          + " read, accepted and rejected, input files read and reused from the record store,"
          + " and which one is published at DIR/latest.",
      "Exit codes: 0 listed; 2 not a results store; 6 the store cannot be read."
    })
final class RunsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The results store.")
  String out;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    List<StoredRun> runs;
    ResultsStore store;
    try {
      store = ResultsStore.existing(out, new Configuration());
      runs = store.runs();
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("Input error: " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    } catch (StoreException e) {
      spec.commandLine().getErr().println("Output error: " + e.getMessage());
      return ExitCodes.OUTPUT_FAILED;
    }
    if (runs.isEmpty()) {
      stdout.println("No complete run in " + out);
      return ExitCodes.OK;
    }
    String format = "%-20s %-6s %-12s %12s %12s %10s %10s %10s  %s%n";
    stdout.printf(
        format,
        "run",
        "latest",
        "outcome",
        "rows read",
        "accepted",
        "rejected",
        "files read",
        "reused",
        "finished");
    for (StoredRun run : runs) {
      RunStatus s = run.status();
      JsonNode recordStore = recordStore(store, run.id());
      stdout.printf(
          format,
          run.id(),
          run.latest() ? "*" : "",
          s.outcome().code(),
          number(s.rowsRead()),
          number(s.rowsAccepted()),
          number(s.rowsRejected()),
          count(recordStore, "files_read"),
          count(recordStore, "files_reused"),
          s.finished());
    }
    return ExitCodes.OK;
  }

  /** The manifest's account of the files a run read and reused; a missing node when it has none. */
  private static JsonNode recordStore(ResultsStore store, String id) {
    String manifest = store.readRunFile(id, "manifest.json");
    if (manifest == null) {
      return MissingNode.getInstance();
    }
    try {
      return new ObjectMapper().readTree(manifest).path("record_store");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return MissingNode.getInstance();
    }
  }

  private static String count(JsonNode node, String field) {
    return node.path(field).isNumber() ? String.format("%,d", node.path(field).asLong()) : "-";
  }

  private static String number(Long n) {
    return n == null ? "-" : String.format("%,d", n);
  }
}
