package com.nbaprops.mlfs.status;

import com.nbaprops.mlfs.OptionsValidator.InvalidOptionsException;
import com.nbaprops.mlfs.tools.ToolOptions;
import com.nbaprops.mlfs.util.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code scripts/status}: what is missing, stale or unbalanced in a feature store over a date
 * range, its open gaps, most defaulted features and coverage, and the commands that repair it.
 * Exit 0 when nothing needs a rebuild, 1 when something does, 2 on bad options.
 */
public final class StatusCli {
  private StatusCli() {}

  public static void main(String[] args) {
    System.exit(cli(args, System.out, System.err));
  }

  /** The job's BigQuery options that name tables, datasets and the project (as for runs). */
  static final List<String> TABLE_OPTIONS = tableOptions();

  private static List<String> tableOptions() {
    List<String> out = new java.util.ArrayList<>(List.of("project"));
    for (java.lang.reflect.Method m : com.nbaprops.mlfs.FeatureStoreOptions.class
        .getDeclaredMethods()) {
      String n = m.getName();
      if (n.startsWith("get") && (n.endsWith("Table") || n.endsWith("Dataset")
          || n.equals("getBigQueryProject"))) {
        out.add(Character.toLowerCase(n.charAt(3)) + n.substring(4));
      }
    }
    java.util.Collections.sort(out);
    return out;
  }

  static ToolOptions spec() {
    ToolOptions t = new ToolOptions("scripts/status --startDate=D [--endDate=D] --inputDir=DIR "
        + "--outputDir=DIR [--mode=backfill|daily] [--days=7] [--mergeDays=7] [--json] "
        + "[--html=FILE] [--execute]   (or --source=bigquery --project=P [table options])",
        "The state of a feature store over a date range: dates with games but no output,",
        "dates written by another feature/schema/quality version (stale), dates whose rows and",
        "open gaps do not add up to the roster (unbalanced), open gaps by reason, the most",
        "defaulted features of the last --days days, coverage per date, and a repair plan:",
        "the dates to rebuild merged into ranges, each with its local and Dataflow command.",
        "Exit 0 when nothing needs a rebuild, 1 when something does, 2 on bad options.")
        .required("startDate", "first game date, YYYY-MM-DD")
        .option("endDate", null, "last game date, YYYY-MM-DD (default: the start date)")
        .option("inputDir", null, "files: the runs' input folder (the roster source)")
        .option("outputDir", null, "files: the feature store's output folder")
        .option("source", "files", "files (--inputDir, --outputDir) or bigquery (tables)")
        .option("mode", "backfill", "backfill (roster = box scores) or daily (context rows)")
        .option("days", "7", "days (ending at --endDate) of the most-defaulted-features table")
        .option("mergeDays", "7", "rebuild ranges at most this many days apart become one")
        .flag("json", "print one JSON object instead of the text report")
        .option("html", null, "also write a self-contained HTML report to FILE")
        .flag("execute", "run the local repair commands, then report again");
    for (String o : TABLE_OPTIONS) {
      t.option(o, null, "BigQuery: as for runs (scripts/run-local --help)");
    }
    return t;
  }

  public static int cli(String[] args, PrintStream out, PrintStream err) {
    return cli(args, out, err, null);
  }

  /** As {@link #cli(String[], PrintStream, PrintStream)}; fake BigQuery services for tests. */
  public static int cli(String[] args, PrintStream out, PrintStream err,
      org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices testServices) {
    return spec().run(args, out, err, o -> {
      LocalDate start = o.getDate("startDate");
      LocalDate end = o.endDate();
      String mode = o.mode();
      int days = o.getInt("days");
      int mergeDays = o.getInt("mergeDays");
      if (days < 1 || mergeDays < 0) {
        throw new InvalidOptionsException("--days must be 1 or more and --mergeDays 0 or more");
      }
      String source = o.get("source");
      Plan plan = switch (source) {
        case "bigquery" -> bigQueryPlan(o, mode, start, end, days, mergeDays, testServices);
        case "files" -> filesPlan(o, mode, start, end, days, mergeDays);
        default -> throw new InvalidOptionsException("--source=" + source + " is not a source: "
            + "pass --source=files or --source=bigquery");
      };
      StatusReport.Commands commands = plan.commands();
      Supplier status = plan.status();
      StoreStatus s = status.get();
      if (o.getFlag("execute") && s.needsRebuild()) {
        for (String command : commands.local(s.repair)) {
          out.println("running: " + command);
          int code = run(command, out);
          if (code != 0) {
            err.println("error: the repair command exited " + code + ": " + command);
            return 1;
          }
        }
        s = status.get();
      }
      report(o, s, commands, out);
      return s.needsRebuild() ? 1 : 0;
    });
  }

  /** What the report reads and the commands it prints. */
  private record Plan(StatusReport.Commands commands, Supplier status) {}

  /** --source=bigquery: the roster, feature, gap and health tables, each read once. */
  private static Plan bigQueryPlan(ToolOptions.Parsed o, String mode, LocalDate start,
      LocalDate end, int days, int mergeDays,
      org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices testServices) {
    if (o.getFlag("execute")) {
      throw new InvalidOptionsException("--execute runs local commands: it needs "
          + "--source=files");
    }
    List<String> tableArgs = new java.util.ArrayList<>();
    for (String name : TABLE_OPTIONS) {
      if (o.get(name) != null) {
        tableArgs.add("--" + name + "=" + o.get(name));
      }
    }
    org.apache.beam.sdk.options.PipelineOptionsFactory.register(
        com.nbaprops.mlfs.FeatureStoreOptions.class);
    com.nbaprops.mlfs.FeatureStoreOptions fo = org.apache.beam.sdk.options
        .PipelineOptionsFactory.fromArgs(tableArgs.toArray(String[]::new))
        .as(com.nbaprops.mlfs.FeatureStoreOptions.class);
    String project = com.nbaprops.mlfs.source.BigQueryTables.project(fo);
    fo.setProject(fo.getProject() != null ? fo.getProject() : project);
    var bq = fo.as(org.apache.beam.sdk.io.gcp.bigquery.BigQueryOptions.class);
    var roster = com.nbaprops.mlfs.util.BigQueryExport.table("roster", com.nbaprops.mlfs
        .source.BigQueryTables.spec(fo, mode.equals("daily") ? "upcoming_player_game_context"
            : "player_game_summary"));
    var features = com.nbaprops.mlfs.util.BigQueryExport.table("--featureStoreTable",
        com.nbaprops.mlfs.source.BigQueryTables.spec(fo, "ml_feature_store_v2"));
    var gaps = com.nbaprops.mlfs.util.BigQueryExport.table("--gapsTable",
        com.nbaprops.mlfs.source.BigQueryTables.spec(fo, "feature_store_gaps"));
    var health = com.nbaprops.mlfs.util.BigQueryExport.table("--healthTable",
        com.nbaprops.mlfs.source.BigQueryTables.spec(fo, "feature_store_daily_health"));
    List<String> extras = tableArgs.stream().filter(a -> !a.startsWith("--project="))
        .toList();
    StatusReport.Commands commands = new StatusReport.Commands(mode, null, null, extras);
    var rosterSource = mode.equals("daily")
        ? com.nbaprops.mlfs.source.SourceTable.UPCOMING_PLAYER_GAME_CONTEXT
        : com.nbaprops.mlfs.source.SourceTable.PLAYER_GAME_SUMMARY;
    return new Plan(commands, () -> StoreStatus.of(start, end, days, mergeDays,
        new BigQueryStatusSource(rosterSource, roster, features, gaps, health, start, end, bq,
            testServices)));
  }

  /** --source=files: the local input and output folders. */
  private static Plan filesPlan(ToolOptions.Parsed o, String mode, LocalDate start,
      LocalDate end, int days, int mergeDays) {
    for (String name : List.of("inputDir", "outputDir")) {
      if (o.get(name) == null) {
        throw new InvalidOptionsException("pass --" + name + "=FOLDER (or --source=bigquery)");
      }
    }
    Path in = folder(o.get("inputDir"), "--inputDir");
    Path outDir = folder(o.get("outputDir"), "--outputDir");
    return new Plan(new StatusReport.Commands(mode, in.toString(), outDir.toString()),
        () -> status(in, outDir, mode, start, end, days, mergeDays));
  }

  /** Prints the report (text or JSON) and writes the HTML page when asked. */
  private static void report(ToolOptions.Parsed o, StoreStatus s, StatusReport.Commands commands,
      PrintStream out) throws IOException {
    if (o.getFlag("json")) {
      out.println(Json.write(StatusReport.toMap(s, commands)));
    } else {
      out.print(StatusReport.format(s, commands));
    }
    if (o.get("html") != null) {
      Path html = Path.of(o.get("html"));
      if (html.toAbsolutePath().getParent() != null) {
        Files.createDirectories(html.toAbsolutePath().getParent());
      }
      Files.writeString(html, StatusHtml.page(s, commands), StandardCharsets.UTF_8);
      if (!o.getFlag("json")) {
        out.println("HTML report: " + html);
      }
    }
  }

  private interface Supplier {
    StoreStatus get() throws IOException;
  }

  private static StoreStatus status(Path in, Path outDir, String mode, LocalDate start,
      LocalDate end, int days, int mergeDays) throws IOException {
    return StoreStatus.of(start, end, days, mergeDays,
        new FileStatusSource(in, outDir, mode.equals("daily"), start, end));
  }

  private static Path folder(String value, String option) {
    Path p = Path.of(value).toAbsolutePath().normalize();
    if (!Files.isDirectory(p)) {
      throw new InvalidOptionsException(option + "=" + value + " is not a folder (relative to "
          + Path.of("").toAbsolutePath() + ")");
    }
    return p;
  }

  /** The project root the commands are written for (scripts/status passes it). */
  static Path root() {
    String root = System.getProperty("mlfs.root");
    return Path.of(root == null ? "." : root);
  }

  private static int run(String command, PrintStream out) throws IOException,
      InterruptedException {
    Process p = new ProcessBuilder(List.of("bash", "-c", command)).directory(root().toFile())
        .redirectErrorStream(true).start();
    try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
        StandardCharsets.UTF_8))) {
      lines.lines().forEach(l -> out.println("  | " + l));
    }
    return p.waitFor();
  }
}
