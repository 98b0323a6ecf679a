package org.scrutineer.jobs;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code scrutineer} command: {@code run} the pipeline into a results store, list the store's
 * {@code runs}, make panel packs ({@code report}) or {@code generate} a sample.
 */
@Command(
    name = "scrutineer",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Police-powers disproportionality analytics for England and Wales.",
    subcommands = {
      RunCommand.class,
      RunsCommand.class,
      ReportCommand.class,
      GenerateCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Scrutineer {
  private Scrutineer() {}

  /** Runs the command line and returns its exit code, writing to {@code out} and {@code err}. */
  public static int execute(
      PrintWriter out, PrintWriter err, SparkSessions sessions, String... args) {
    CommandLine cmd = new CommandLine(new Scrutineer(), new Factory(sessions));
    RunCommand.groupHelp(cmd.getSubcommands().get("run"));
    cmd.setOut(out);
    cmd.setErr(err);
    // A usage error is one line and a pointer to --help, not the whole usage text.
    cmd.setParameterExceptionHandler(
        (e, arguments) -> {
          CommandLine failed = e.getCommandLine();
          failed.getErr().println(e.getMessage());
          CommandLine.UnmatchedArgumentException.printSuggestions(e, failed.getErr());
          failed.getErr().printf("See '%s --help'.%n", failed.getCommandSpec().qualifiedName());
          return ExitCodes.BAD_INPUT;
        });
    return cmd.execute(args);
  }

  public static void main(String... args) {
    // Netty (Spark's transport) needs this on Java 17 and it cannot go in the jar manifest.
    System.setProperty("io.netty.tryReflectionSetAccessible", "true");
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(execute(out, err, SparkSessions.DEFAULT, args));
  }

  /** Gives subcommands the session provider. */
  private record Factory(SparkSessions sessions) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == RunCommand.class) {
        return type.cast(new RunCommand(sessions));
      }
      return CommandLine.defaultFactory().create(type);
    }
  }
}
