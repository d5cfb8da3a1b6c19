package com.nbaprops.mlfs.sink;

import com.google.api.services.bigquery.model.TableRow;
import com.nbaprops.mlfs.RunConfig;
import com.nbaprops.mlfs.contract.OutputSchema;
import com.nbaprops.mlfs.contract.OutputTable;
import com.nbaprops.mlfs.features.BuildFeatureRows;
import com.nbaprops.mlfs.features.EntryProcessor.RunStamp;
import com.nbaprops.mlfs.features.GapRow;
import com.nbaprops.mlfs.gaps.MergeGaps;
import com.nbaprops.mlfs.gaps.ReadStoredGaps;
import com.nbaprops.mlfs.health.ComputeHealth;
import com.nbaprops.mlfs.health.HealthCounts;
import com.nbaprops.mlfs.health.HealthRow;
import com.nbaprops.mlfs.health.HealthSummary;
import com.nbaprops.mlfs.features.ScoredRow;
import com.nbaprops.mlfs.model.DeadLetter;
import com.nbaprops.mlfs.readiness.CheckReadiness;
import com.nbaprops.mlfs.readiness.DateCensus;
import com.nbaprops.mlfs.readiness.Readiness;
import com.nbaprops.mlfs.readiness.SafetyReport;
import com.nbaprops.mlfs.source.SourceTables;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryIO.Write;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryServices;
import org.apache.beam.sdk.io.gcp.bigquery.TableDestination;
import org.apache.beam.sdk.io.gcp.bigquery.TableRowJsonCoder;
import org.apache.beam.sdk.io.gcp.bigquery.WriteResult;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Distinct;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.Wait;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.apache.beam.sdk.values.ValueInSingleWindow;

/**
 * Writes the outputs to BigQuery. Feature rows, gap rows and health rows go by FILE_LOADS with WRITE_TRUNCATE
 * into one partition decorator per game date ({@code table$YYYYMMDD}), so a re-run replaces
 * exactly the dates it writes (atomically per date); tables are created if absent, day-partitioned
 * on {@code game_date} and clustered as the data contract says, with schemas generated from
 * {@link OutputSchema}. Dead letters are appended. After the loads succeed, one run-history row
 * with the run's counts is appended. Never the Storage Write API (it cannot truncate). A run the
 * readiness gate refused loads nothing, appends its {@code FAILED_DEPENDENCIES} row, then fails.
 */
public final class WriteBigQueryOutputs extends PTransform<PCollectionTuple, PDone> {
  private final Map<String, String> tableSpecs;
  private final RunConfig config;
  private final BigQueryServices testServices;
  private final PartitionDeleter deleter;

  /**
   * @param tableSpecs output table name → {@code PROJECT:DATASET.TABLE}
   * @param testServices fake services for tests; null in production
   * @param deleter how an emptied date partition is removed ({@link PartitionDeleter#bigQuery()})
   */
  public WriteBigQueryOutputs(Map<String, String> tableSpecs, RunConfig config,
      BigQueryServices testServices, PartitionDeleter deleter) {
    this.tableSpecs = tableSpecs;
    this.config = config;
    this.testServices = testServices;
    this.deleter = deleter;
  }

  /** {@code PROJECT:DATASET.TABLE$YYYYMMDD}: the partition of one game date. */
  public static String partition(String tableSpec, LocalDate date) {
    return tableSpec + "$" + date.toString().replace("-", "");
  }

  /** The destination of a row of a date-partitioned output table. */
  public static TableDestination destination(String tableSpec, OutputTable<?> table,
      LocalDate date) {
    return new TableDestination(partition(tableSpec, date), null,
        BigQuerySchemas.partitioning(table), BigQuerySchemas.clustering(table));
  }

  @Override
  public PDone expand(PCollectionTuple in) {
    PCollection<Readiness> gate = in.get(CheckReadiness.READINESS);
    PCollectionView<Readiness> readiness = gate.apply("ReadinessView", View.asSingleton());
    PCollection<TableRow> features = tableRows(in.get(BuildFeatureRows.FEATURE_ROWS),
        OutputSchema.FEATURE_STORE, "FeatureTableRows", "GateFeatureRows", readiness);
    // The stored gaps of the run's dates, merged with the produced ones (gap lifecycle).
    PCollection<GapRow> storedGaps = in.getPipeline().apply("ReadStoredGaps",
        new ReadStoredGaps(tableSpecs.get(OutputSchema.GAPS.name()), config.start(),
            config.end(), testServices));
    PCollection<TableRow> gaps = tableRows(in.get(BuildFeatureRows.GAP_ROWS)
        .apply("MergeGaps", new MergeGaps(storedGaps, readiness, config)),
        OutputSchema.GAPS, "GapTableRows", "GateGapRows", readiness);
    PCollection<HealthRow> healthRows = in.get(ComputeHealth.HEALTH_ROWS);
    PCollection<TableRow> health = tableRows(healthRows, OutputSchema.HEALTH, "HealthTableRows",
        "GateHealthRows", readiness);
    PCollection<TableRow> dead = tableRows(in.get(SourceTables.DEAD_LETTERS),
        OutputSchema.DEAD_LETTERS, "DeadLetterTableRows", "GateDeadLetters", readiness);

    WriteResult featureLoads = features.apply("LoadFeatureRows",
        perDate(OutputSchema.FEATURE_STORE));
    WriteResult gapLoads = gaps.apply("LoadGapRows", perDate(OutputSchema.GAPS));
    WriteResult healthLoads = health.apply("LoadHealthRows", perDate(OutputSchema.HEALTH));
    // A date left without rows loses its old partition only once every load of the run has
    // succeeded: a failed run never leaves a date emptied.
    PCollection<?>[] loads = {featureLoads.getSuccessfulTableLoads(),
        gapLoads.getSuccessfulTableLoads(), healthLoads.getSuccessfulTableLoads()};
    PCollection<String> keptFeatures = deleteEmptyDates(in, features, OutputSchema.FEATURE_STORE,
        "FeatureRowDates", readiness, loads);
    PCollection<String> keptGaps = deleteEmptyDates(in, gaps, OutputSchema.GAPS, "GapRowDates",
        readiness, loads);
    PCollection<String> keptHealth = deleteEmptyDates(in, health, OutputSchema.HEALTH,
        "HealthRowDates", readiness, loads);
    PCollectionView<List<String>> kept = PCollectionList.of(keptFeatures).and(keptGaps)
        .and(keptHealth)
        .apply("KeptDates", Flatten.pCollections())
        .apply("KeptDatesView", View.asList());
    dead.apply("AppendDeadLetters", append(OutputSchema.DEAD_LETTERS));
    WriteResult history = appendRunHistory(in, readiness, kept, healthRows, loads);
    // A refused run has recorded FAILED_DEPENDENCIES; now the job fails with the gate's message.
    CheckReadiness.failIfRefused(gate, history.getSuccessfulTableLoads());
    return PDone.in(in.getPipeline());
  }

  /** One output table's rows as {@code TableRow}s (from its columns), passed through the gate. */
  private <T> PCollection<TableRow> tableRows(PCollection<T> rows, OutputTable<T> table,
      String convertStep, String gateStep, PCollectionView<Readiness> readiness) {
    RunStamp stamp = config.stamp();
    return rows
        .apply(convertStep, MapElements.into(TypeDescriptor.of(TableRow.class))
            .via((T row) -> BigQuerySchemas.toTableRow(table, row, stamp)))
        .setCoder(TableRowJsonCoder.of())
        .apply(gateStep, gated(readiness));
  }

  /** The run-history row, appended once every load of the run has succeeded. */
  private WriteResult appendRunHistory(PCollectionTuple in, PCollectionView<Readiness> readiness,
      PCollectionView<List<String>> kept, PCollection<HealthRow> healthRows,
      PCollection<?>[] loads) {
    PCollectionView<Map<String, Long>> counts = runCounts(in);
    PCollectionView<List<HealthRow>> healthView = healthRows.apply("HealthView", View.asList());
    return in.getPipeline()
        .apply("RunHistoryOnce", Create.of(config.runId()))
        .apply("AfterLoads", Wait.on(loads))
        .apply("RunHistoryRow", ParDo.of(
            new RunHistoryFn(config, counts, readiness, kept, healthView))
            .withSideInputs(counts, readiness, kept, healthView))
        .setCoder(TableRowJsonCoder.of())
        .apply("AppendRunHistory", append(OutputSchema.RUN_HISTORY));
  }

  /** Passes every row through unless the readiness gate refused the run (then none). */
  private static ParDo.SingleOutput<TableRow, TableRow> gated(
      PCollectionView<Readiness> readiness) {
    return ParDo.of(new DoFn<TableRow, TableRow>() {
      @ProcessElement
      public void process(ProcessContext c) {
        if (!c.sideInput(readiness).refused()) {
          c.output(c.element());
        }
      }
    }).withSideInputs(readiness);
  }

  /**
   * The run's counts, computed from its data (a Dataflow launch does not wait for the job's
   * metrics): rows, gaps per reason, defaults per feature and dead letters per table.
   */
  private static PCollectionView<Map<String, Long>> runCounts(PCollectionTuple in) {
    PCollection<String> fromRows = in.get(BuildFeatureRows.FEATURE_ROWS)
        .apply("RowCountKeys", FlatMapElements.into(TypeDescriptors.strings())
            .via((ScoredRow f) -> {
              List<String> keys = new ArrayList<>();
              keys.add(RunCounts.FEATURE_ROWS);
              for (int i : f.quality().defaultIndices()) {
                keys.add(RunCounts.defaults(i));
              }
              return keys;
            }));
    PCollection<String> fromGaps = in.get(BuildFeatureRows.GAP_ROWS)
        .apply("GapCountKeys", FlatMapElements.into(TypeDescriptors.strings())
            .via((GapRow g) -> List.of(RunCounts.GAP_ROWS, RunCounts.gaps(g.reason()))));
    PCollection<String> fromDead = in.get(SourceTables.DEAD_LETTERS)
        .apply("DeadLetterCountKeys", FlatMapElements.into(TypeDescriptors.strings())
            .via((DeadLetter d) -> List.of(RunCounts.DEAD_LETTERS,
                RunCounts.deadLetters(d.sourceTable()))));
    return PCollectionList.of(fromRows).and(fromGaps).and(fromDead)
        .and(in.get(ComputeHealth.PLAYER_KEYS))
        .apply("AllCountKeys", Flatten.pCollections())
        .apply("RunCounts", Combine.globally(new RunCounts()))
        .apply("RunCountsView", View.asSingleton());
  }

  /**
   * Dates of the range with roster but without rows in this table lose their old partition; dates
   * without roster keep theirs unless {@code --replaceEmptyDates}. Returns the kept dates as
   * {@code table|date|rows}.
   */
  private PCollection<String> deleteEmptyDates(PCollectionTuple in, PCollection<TableRow> rows,
      OutputTable<?> table, String name, PCollectionView<Readiness> readiness,
      PCollection<?>[] afterLoads) {
    PCollectionView<List<String>> dates = rows
        .apply(name, MapElements.into(TypeDescriptors.strings())
            .via((TableRow r) -> (String) r.get("game_date")))
        .apply(name + "Distinct", Distinct.create())
        .apply(name + "View", View.asList());
    List<String> range = new ArrayList<>();
    for (LocalDate d = config.start(); !d.isAfter(config.end()); d = d.plusDays(1)) {
      range.add(d.toString());
    }
    return in.getPipeline()
        .apply(name + "InRange", Create.of(range))
        .apply(name + "AfterLoads", Wait.on(afterLoads))
        .apply(name + "DeleteEmpty", ParDo.of(new DeleteEmptyPartitionsFn(table.name(),
            tableSpecs.get(table.name()), dates, readiness, config.safety().replaceEmptyDates(),
            deleter)).withSideInputs(dates, readiness))
        .setCoder(org.apache.beam.sdk.coders.StringUtf8Coder.of());
  }

  private Write<TableRow> base(OutputTable<?> table) {
    Write<TableRow> w = BigQueryIO.writeTableRows()
        .withSchema(BigQuerySchemas.schema(table))
        .withMethod(Write.Method.FILE_LOADS)
        .withCreateDisposition(Write.CreateDisposition.CREATE_IF_NEEDED);
    if (testServices != null) {
      w = w.withTestServices(testServices).withoutValidation();
    }
    return w;
  }

  private Write<TableRow> perDate(OutputTable<?> table) {
    String spec = tableSpecs.get(table.name());
    SerializableFunction<ValueInSingleWindow<TableRow>, TableDestination> to =
        v -> destination(spec, table, LocalDate.parse((String) v.getValue().get("game_date")));
    return base(table).to(to).withClustering()
        .withWriteDisposition(Write.WriteDisposition.WRITE_TRUNCATE);
  }

  private Write<TableRow> append(OutputTable<?> table) {
    return base(table).to(tableSpecs.get(table.name()))
        .withWriteDisposition(Write.WriteDisposition.WRITE_APPEND);
  }

  /**
   * Appends one run-history row with a small pipeline of its own on the DirectRunner (the row of a
   * run that failed: the job's own run-history step never ran). Same table, schema and method as
   * the job's row.
   *
   * @param testServices fake services for tests; null in production
   */
  public static void appendRunHistory(String tableSpec, RunRecord row,
      org.apache.beam.sdk.options.PipelineOptions options, BigQueryServices testServices) {
    org.apache.beam.sdk.options.PipelineOptions copy =
        org.apache.beam.sdk.options.PipelineOptionsFactory.fromArgs().create();
    copy.as(org.apache.beam.sdk.extensions.gcp.options.GcpOptions.class).setProject(
        options.as(org.apache.beam.sdk.extensions.gcp.options.GcpOptions.class).getProject());
    copy.setTempLocation(options.getTempLocation());
    copy.setRunner(org.apache.beam.runners.direct.DirectRunner.class);
    org.apache.beam.sdk.Pipeline p = org.apache.beam.sdk.Pipeline.create(copy);
    Write<TableRow> w = BigQueryIO.writeTableRows()
        .withSchema(BigQuerySchemas.schema(OutputSchema.RUN_HISTORY))
        .withMethod(Write.Method.FILE_LOADS)
        .withCreateDisposition(Write.CreateDisposition.CREATE_IF_NEEDED)
        .withWriteDisposition(Write.WriteDisposition.WRITE_APPEND)
        .to(tableSpec);
    if (testServices != null) {
      w = w.withTestServices(testServices).withoutValidation();
    }
    List<TableRow> rows = List.of(BigQuerySchemas.toTableRow(OutputSchema.RUN_HISTORY, row, null));
    p.apply("RunHistoryRow", Create.of(rows).withCoder(TableRowJsonCoder.of()))
        .apply("AppendRunHistory", w);
    p.run().waitUntilFinish();
  }

  /** The run-history row of a BigQuery-sink run, from the run's own counts. */
  static final class RunHistoryFn extends DoFn<String, TableRow> {
    private final RunConfig config;
    private final PCollectionView<Map<String, Long>> counts;
    private final PCollectionView<Readiness> readiness;
    private final PCollectionView<List<String>> kept;
    private final PCollectionView<List<HealthRow>> health;

    RunHistoryFn(RunConfig config, PCollectionView<Map<String, Long>> counts,
        PCollectionView<Readiness> readiness, PCollectionView<List<String>> kept,
        PCollectionView<List<HealthRow>> health) {
      this.config = config;
      this.counts = counts;
      this.readiness = readiness;
      this.kept = kept;
      this.health = health;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      // The health counters, as a local run's metrics hold them (HealthSummary reads both).
      Map<String, Long> n = new java.util.HashMap<>(c.sideInput(counts));
      for (HealthRow h : c.sideInput(health)) {
        HealthCounts.of(h).forEach((k, v) -> n.merge(k, v, Long::sum));
      }
      HealthSummary healthSummary = new HealthSummary(n, config.safety().minQualityReadyPct());
      Readiness gate = c.sideInput(readiness);
      SafetyReport safety = new SafetyReport(gate,
          DeleteEmptyPartitionsFn.keptDates(c.sideInput(kept)), config.safety().warnings());
      long roster = gate.dates().values().stream().mapToLong(DateCensus::roster).sum();
      long rows = n.getOrDefault(RunCounts.FEATURE_ROWS, 0L);
      long gaps = n.getOrDefault(RunCounts.GAP_ROWS, 0L);
      Map<String, Object> breakdown = RunCounts.breakdown(n);
      breakdown.put("roster_entries", roster);
      breakdown.put("health", healthSummary.toMap());
      breakdown.putAll(safety.toMap());
      boolean refused = gate.refused();
      RunRecord r = RunHistory.row(config,
          safety.status(roster == rows + gaps, healthSummary.lowCoverage()),
          refused ? 0L : rows, refused ? 0L : gaps,
          refused ? 0L : n.getOrDefault(RunCounts.DEAD_LETTERS, 0L), breakdown,
          Instant.parse(config.stamp().createdAt()), Instant.now());
      c.output(BigQuerySchemas.toTableRow(OutputSchema.RUN_HISTORY, r, null));
    }
  }
}
