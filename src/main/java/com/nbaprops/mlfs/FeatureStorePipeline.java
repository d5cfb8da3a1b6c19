package com.nbaprops.mlfs;

import com.nbaprops.mlfs.health.DaySummary;
import com.nbaprops.mlfs.health.HealthSummary;
import com.nbaprops.mlfs.health.ReadStoredHealth;
import com.nbaprops.mlfs.metrics.Progress;
import com.nbaprops.mlfs.metrics.RunSummary;
import com.nbaprops.mlfs.sink.PartitionDeleter;
import com.nbaprops.mlfs.contract.OutputSchema;
import com.nbaprops.mlfs.sink.RunHistory;
import com.nbaprops.mlfs.sink.RunRecord;
import com.nbaprops.mlfs.sink.WriteBigQueryOutputs;
import com.nbaprops.mlfs.source.BigQueryTables;
import com.nbaprops.mlfs.source.ReadBigQuerySources;
import com.nbaprops.mlfs.sink.WriteFileOutputs;
import com.nbaprops.mlfs.source.ReadFileSources;
import com.nbaprops.mlfs.readiness.CheckReadiness;
import com.nbaprops.mlfs.readiness.DependencyGateException;
import com.nbaprops.mlfs.readiness.Readiness;
import com.nbaprops.mlfs.readiness.SafetyReport;
import com.nbaprops.mlfs.sink.OutputFolder;
import com.nbaprops.mlfs.sink.OutputLock;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PDone;

/**
 * Entry point of the ML feature store job: validates the options, builds {@link FeatureStore} with
 * the chosen source and sink, runs it, and for runs that wait prints the breakdown and writes the
 * run-history row. Exit status: {@link ExitCode}.
 */
public final class FeatureStorePipeline {
  private FeatureStorePipeline() {}

  public static void main(String[] args) {
    int code = run(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Parses, validates, runs; returns the exit status ({@link ExitCode}). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, Instant.now());
  }

  /** As {@link #run(String[], PrintStream, PrintStream)} at a given run time (tests). */
  static int run(String[] args, PrintStream out, PrintStream err, Instant now) {
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      printHelp(out);
      return ExitCode.OK.code();
    }
    PipelineOptionsFactory.register(FeatureStoreOptions.class);
    FeatureStoreOptions options;
    RunConfig config;
    try {
      OptionsValidator.checkArgumentTypes(args);
      options = parse(args);
      relaxDirectRunnerChecks(options);
      config = OptionsValidator.validate(options, now);
      OptionsValidator.validateIo(options);
      config = OptionsValidator.checkTables(options, config);
    } catch (IllegalArgumentException e) {
      // InvalidOptionsException included: every message says what to pass instead.
      err.println("error: " + e.getMessage());
      err.println("Run with --help for every option.");
      return ExitCode.BAD_INPUT.code();
    }
    return execute(options, config, out, err);
  }

  /**
   * Beam's parse of the arguments. The bundled jar registers the local runs' options and runner
   * only (pom.xml, README "Two jars"), so an option or runner of Dataflow is unknown there: the
   * error then says which jar has it.
   */
  static FeatureStoreOptions parse(String[] args) {
    try {
      return PipelineOptionsFactory.fromArgs(args).as(FeatureStoreOptions.class);
    } catch (IllegalArgumentException e) {
      boolean dataflow = PipelineOptionsFactory.getRegisteredOptions().stream()
          .anyMatch(c -> c.getName().equals(DATAFLOW_OPTIONS));
      if (dataflow) {
        throw e;
      }
      throw new IllegalArgumentException(e.getMessage() + " (this jar registers the options and "
          + "runner of local DirectRunner runs only; Dataflow runs use "
          + "target/ml-feature-store-0.1.0-pipeline.jar: scripts/flex-build)", e);
    }
  }

  private static final String DATAFLOW_OPTIONS =
      "org.apache.beam.runners.dataflow.options.DataflowPipelineOptions";

  /**
   * On the DirectRunner, per-element immutability and encodability checks double the run time of
   * a season; the job's coders and DoFns are covered by the TestPipeline tests (which keep the
   * checks on), so local runs switch them off unless {@code --directRunnerChecks=true}.
   */
  static void relaxDirectRunnerChecks(FeatureStoreOptions options) {
    if (options.getRunner() != DirectRunner.class
        || Boolean.TRUE.equals(options.getDirectRunnerChecks())) {
      return;
    }
    DirectOptions direct = options.as(DirectOptions.class);
    direct.setEnforceImmutability(false);
    direct.setEnforceEncodability(false);
  }

  /** Builds the pipeline of a validated configuration (the seam tests use). */
  public static Pipeline build(FeatureStoreOptions options, RunConfig config) {
    return build(options, config, null, PartitionDeleter.bigQuery());
  }

  /** As {@link #build(FeatureStoreOptions, RunConfig)}, with fake BigQuery services for tests. */
  public static Pipeline build(FeatureStoreOptions options, RunConfig config,
      BigQueryServices testServices, PartitionDeleter deleter) {
    Pipeline p = Pipeline.create(options);
    PTransform<PBegin, PCollectionTuple> source = bigQuerySource(options)
        ? new ReadBigQuerySources(specs(options, BigQueryTables.SOURCES.keySet()), config,
            testServices)
        : new ReadFileSources(options.getInputDir(), config);
    PTransform<PCollectionTuple, PDone> sink = bigQuerySink(options)
        ? new WriteBigQueryOutputs(specs(options, BigQueryTables.OUTPUTS.keySet()), config,
            testServices, deleter)
        : new WriteFileOutputs(options.getOutputDir(), config,
            Boolean.TRUE.equals(options.getCompressOutputs()));
    PTransform<PBegin, PCollection<DaySummary>> storedHealth = bigQuerySink(options)
        ? ReadStoredHealth.bigQuery(BigQueryTables.spec(options, OutputSchema.HEALTH.name()),
            config.start(), testServices)
        : ReadStoredHealth.files(options.getOutputDir(), config.start());
    p.apply("FeatureStore", new FeatureStore(source, storedHealth, sink, config));
    return p;
  }

  static boolean bigQuerySource(FeatureStoreOptions o) {
    return OptionsValidator.source(o) == OptionsValidator.Io.BIGQUERY;
  }

  static boolean bigQuerySink(FeatureStoreOptions o) {
    return OptionsValidator.sink(o) == OptionsValidator.Io.BIGQUERY;
  }

  private static Map<String, String> specs(FeatureStoreOptions o, Iterable<String> tables) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String t : tables) {
      m.put(t, BigQueryTables.spec(o, t));
    }
    return m;
  }

  static int execute(FeatureStoreOptions options, RunConfig config, PrintStream out,
      PrintStream err) {
    out.printf("ML feature store %s run %s: %s .. %s%n",
        config.mode().name().toLowerCase(java.util.Locale.ROOT), config.runId(), config.start(),
        config.end());
    for (String w : config.safety().warnings()) {
      out.println("  warning: " + w);
    }
    OutputLock lock = null;
    try {
      if (!bigQuerySink(options) && OutputFolder.isLocal(options.getOutputDir())) {
        try {
          lock = OutputFolder.prepare(Path.of(options.getOutputDir()), config.runId(),
              Duration.ofHours(options.getLockTimeoutHours() == null ? 6
                  : options.getLockTimeoutHours()), out);
        } catch (OutputLock.LockedException e) {
          err.println("error: " + e.getMessage());
          return ExitCode.REFUSED.code();
        } catch (IOException e) {
          err.println("error: cannot prepare the output folder " + options.getOutputDir() + ": "
              + e.getMessage());
          return ExitCode.FAILED.code();
        }
      }
      return runJob(options, config, out, err);
    } finally {
      if (lock != null) {
        try {
          lock.close();
        } catch (IOException e) {
          err.println("warning: could not release the lock of " + options.getOutputDir() + ": "
              + e.getMessage());
        }
      }
    }
  }

  private static int runJob(FeatureStoreOptions options, RunConfig config, PrintStream out,
      PrintStream err) {
    boolean local = options.getRunner() == null || options.getRunner() == DirectRunner.class;
    boolean wait = options.getWaitUntilFinish() != null ? options.getWaitUntilFinish() : local;
    Instant started = Instant.now();
    if (local && wait && options.getProgressSeconds() != null && options.getProgressSeconds() > 0) {
      // run() returns at once, so that waitWithProgress can print while the job runs.
      options.as(DirectOptions.class).setBlockOnRun(false);
    }
    Pipeline p = build(options, config);
    PipelineResult result;
    try {
      result = p.run();
      if (!wait) {
        out.println("Submitted; not waiting (pass --waitUntilFinish=true to wait and print the "
            + "breakdown). The job checks the upstream readiness gate itself.");
        return ExitCode.OK.code();
      }
      PipelineResult.State state = waitWithProgress(result, options, started, out);
      if (state != PipelineResult.State.DONE) {
        throw new IllegalStateException("job ended in state " + state);
      }
    } catch (RuntimeException e) {
      return failed(e, options, config, started, out, err);
    }
    return finished(result, options, config, started, out, err);
  }

  /** A job that failed, or that the readiness gate refused: its history row and exit code. */
  private static int failed(RuntimeException e, FeatureStoreOptions options, RunConfig config,
      Instant started, PrintStream out, PrintStream err) {
    DependencyGateException refused = gateRefusal(e);
    if (refused != null) {
      SafetyReport safety = new SafetyReport(refused.readiness(), Map.of(),
          config.safety().warnings());
      out.print(safety.format());
      err.println("error: " + refused.getMessage());
      if (!bigQuerySink(options)) {
        // The BigQuery sink appended its FAILED_DEPENDENCIES row inside the pipeline.
        Map<String, Object> breakdown = new LinkedHashMap<>(safety.toMap());
        breakdown.put("error", refused.getMessage());
        writeHistory(options, RunHistory.row(config, SafetyReport.FAILED_DEPENDENCIES, 0L, 0L,
            0L, breakdown, started, Instant.now()), err);
      }
      return ExitCode.REFUSED.code();
    }
    String message = rootMessage(e);
    err.println("error: the job failed: " + message);
    writeHistory(options, RunHistory.row(config, SafetyReport.FAILED, null, started,
        Instant.now(), message), err);
    return ExitCode.FAILED.code();
  }

  /** A job that finished: the breakdown, the history row and the exit code its checks give. */
  private static int finished(PipelineResult result, FeatureStoreOptions options,
      RunConfig config, Instant started, PrintStream out, PrintStream err) {
    double wall = (Instant.now().toEpochMilli() - started.toEpochMilli()) / 1000.0;
    RunSummary summary = RunSummary.from(result, wall);
    SafetyReport safety = new SafetyReport(
        Readiness.of(config.safety().gate(), config.start(), config.end(),
            CheckReadiness.fromCounters(summary.counters())),
        SafetyReport.keptFromCounters(summary.counters(), OutputSchema.FEATURE_STORE.name(),
            OutputSchema.GAPS.name()), config.safety().warnings());
    HealthSummary health = new HealthSummary(summary.counters(),
        config.safety().minQualityReadyPct());
    out.print(summary.format());
    out.print(health.format());
    out.print(safety.format());
    String status = safety.status(summary.balanced(), health.lowCoverage());
    boolean historyWritten = bigQuerySink(options) || writeHistory(options,
        RunHistory.row(config, status, summary, safety, started, Instant.now()), err);
    if (bigQuerySink(options)) {
      out.printf("%nOutputs in BigQuery (%s)%n", BigQueryTables.spec(options, "ml_feature_store_v2"));
    } else {
      out.printf("%nOutputs under %s (run-history row: %s, status %s)%n", options.getOutputDir(),
          RunHistory.path(config.runId()), status);
    }
    if (!summary.balanced()) {
      err.println("error: roster entries do not equal feature rows + gaps");
      return ExitCode.FAILED.code();
    }
    if (!historyWritten) {
      return ExitCode.FAILED.code();
    }
    if (health.lowCoverage()) {
      err.println("warning: " + health.datesBelow().size() + " date(s) below --minQualityReadyPct="
          + config.safety().minQualityReadyPct() + " (status " + status + "; the dates are in "
          + "the breakdown above and in feature_store_daily_health, coverage_ok = false)");
      return ExitCode.LOW_COVERAGE.code();
    }
    return ExitCode.OK.code();
  }

  /**
   * Waits for the job; every {@code --progressSeconds} prints a {@link Progress} line from its live
   * counters (on the DirectRunner, which then runs without blocking in {@code run()}).
   */
  private static PipelineResult.State waitWithProgress(PipelineResult result,
      FeatureStoreOptions options, Instant started, PrintStream out) {
    int every = options.getProgressSeconds() == null ? 0 : options.getProgressSeconds();
    if (every <= 0) {
      return result.waitUntilFinish();
    }
    while (true) {
      PipelineResult.State state =
          result.waitUntilFinish(org.joda.time.Duration.standardSeconds(every));
      if (state != null && state.isTerminal()) {
        return state;
      }
      long seconds = Duration.between(started, Instant.now()).getSeconds();
      out.println(Progress.line(seconds, Progress.liveCounters(result)));
    }
  }

  /** The message of the readiness gate's refusal in an exception chain, or null. */
  public static String gateRefusalMessage(Throwable e) {
    DependencyGateException g = gateRefusal(e);
    return g == null ? null : g.getMessage();
  }

  /** The readiness gate's refusal in an exception chain, or null. */
  static DependencyGateException gateRefusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof DependencyGateException g) {
        return g;
      }
    }
    return null;
  }

  /**
   * Writes a run-history row of the file sink, or (BigQuery sink) appends the row of a run that
   * failed before its own run-history step; false (and a message) when it cannot be written.
   */
  private static boolean writeHistory(FeatureStoreOptions options, RunRecord row,
      PrintStream err) {
    String where = bigQuerySink(options)
        ? BigQueryTables.spec(options, OutputSchema.RUN_HISTORY.name()) : options.getOutputDir();
    try {
      if (!bigQuerySink(options)) {
        RunHistory.writeFile(options.getOutputDir(), row);
      } else {
        WriteBigQueryOutputs.appendRunHistory(where, row, options, null);
      }
      return true;
    } catch (Exception e) {
      err.println("error: could not write the run-history row to " + where + ": "
          + rootMessage(e));
      return false;
    }
  }

  /** The innermost message of an exception chain, prefixed by its type when it is not ours. */
  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      if (t instanceof com.nbaprops.mlfs.source.SourceReadException) {
        break;
      }
      t = t.getCause();
    }
    String m = t.getMessage();
    return t instanceof com.nbaprops.mlfs.source.SourceReadException
        ? m : t.getClass().getSimpleName() + ": " + m;
  }

  static void printHelp(PrintStream out) {
    Help.print(out);
  }


}
