package com.nbaprops.mlfs.sink;

import com.nbaprops.mlfs.gaps.GapLifecycle;
import com.nbaprops.mlfs.health.ComputeHealth;
import com.nbaprops.mlfs.health.HealthRow;
import com.nbaprops.mlfs.util.Json;

import com.nbaprops.mlfs.RunConfig;
import com.nbaprops.mlfs.contract.OutputSchema;
import com.nbaprops.mlfs.contract.OutputTable;
import com.nbaprops.mlfs.features.BuildFeatureRows;
import com.nbaprops.mlfs.features.GapRow;
import com.nbaprops.mlfs.features.ScoredRow;
import com.nbaprops.mlfs.metrics.MetricNames;
import com.nbaprops.mlfs.model.DeadLetter;
import com.nbaprops.mlfs.readiness.CheckReadiness;
import com.nbaprops.mlfs.readiness.Readiness;
import com.nbaprops.mlfs.source.SourceTables;
import com.nbaprops.mlfs.util.Batch;
import com.nbaprops.mlfs.util.BatchByKey;
import com.nbaprops.mlfs.util.RecordCoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Writes the local layout under the output folder ({@link OutputLayout}):
 * {@code ml_feature_store_v2/game_date=D/part-00000.ndjson}, {@code
 * feature_store_gaps/game_date=D/part-00000.ndjson} and {@code
 * feature_store_daily_health/game_date=D/part-00000.ndjson} (gzip with {@code --compressOutputs})
 * for every date D of the run (rows sorted by player_lookup; a date of the range with roster but no
 * rows of a table has that old file removed, so a re-run replaces exactly its dates; a date without
 * roster keeps its files unless {@code --replaceEmptyDates}), and {@code
 * pipeline_dead_letters/run_id=R.ndjson}. A run refused by the readiness gate writes nothing. Rows are grouped by month, not by date: a few dozen keys.
 */
public final class WriteFileOutputs extends PTransform<PCollectionTuple, PDone> {
  private final String outputDir;
  private final RunConfig config;
  private final boolean compress;

  public WriteFileOutputs(String outputDir, RunConfig config) {
    this(outputDir, config, false);
  }

  /** @param compress write {@code part-00000.ndjson.gz} (gzip) instead of plain NDJSON */
  public WriteFileOutputs(String outputDir, RunConfig config, boolean compress) {
    this.outputDir = outputDir;
    this.config = config;
    this.compress = compress;
  }

  /** Relative path of the file that holds one date of one table (plain NDJSON). */
  public static String datePath(String table, LocalDate d) {
    return OutputLayout.datePath(table, d, false);
  }

  public static String deadLetterPath(String runId) {
    return OutputSchema.DEAD_LETTERS.name() + "/run_id=" + runId + ".ndjson";
  }

  @Override
  public PDone expand(PCollectionTuple in) {
    PCollection<Readiness> gate = in.get(CheckReadiness.READINESS);
    PCollectionView<Readiness> readiness = gate.apply("ReadinessView", View.asSingleton());
    TupleTag<String> monthsTag = new TupleTag<>("months");
    TupleTag<Batch<ScoredRow>> rowsTag = new TupleTag<>("rows");
    TupleTag<Batch<GapRow>> gapsTag = new TupleTag<>("gaps");
    TupleTag<HealthRow> healthTag = new TupleTag<>("health");
    List<String> months = new ArrayList<>();
    for (YearMonth m = YearMonth.from(config.start()); !m.isAfter(YearMonth.from(config.end()));
        m = m.plusMonths(1)) {
      months.add(m.toString());
    }
    PCollection<KV<String, String>> monthKeys = in.getPipeline()
        .apply("MonthsInRange", Create.of(months).withCoder(StringUtf8Coder.of()))
        .apply("KeyMonths", WithKeys.of((String m) -> m).withKeyType(TypeDescriptors.strings()));
    KeyedPCollectionTuple.of(monthsTag, monthKeys)
        .and(rowsTag, in.get(BuildFeatureRows.FEATURE_ROWS).apply("BatchRowsByMonth",
            BatchByKey.of((ScoredRow r) -> YearMonth.from(r.record().gameDate()).toString(),
                RecordCoder.of(ScoredRow.class))))
        .and(gapsTag, in.get(BuildFeatureRows.GAP_ROWS).apply("BatchGapsByMonth",
            BatchByKey.of((GapRow r) -> YearMonth.from(r.gameDate()).toString(),
                RecordCoder.of(GapRow.class))))
        .and(healthTag, in.get(ComputeHealth.HEALTH_ROWS).apply("KeyHealthByMonth",
            WithKeys.of((HealthRow h) -> YearMonth.from(h.gameDate()).toString())
                .withKeyType(TypeDescriptors.strings())))
        .apply("GroupByMonth", CoGroupByKey.create())
        .apply("WriteDateFiles", ParDo.of(new WriteMonthFn(outputDir, config, compress,
            new Tags(rowsTag, gapsTag, healthTag), readiness)).withSideInputs(readiness));

    in.get(SourceTables.DEAD_LETTERS)
        .apply("DeadLetterRows", MapElements.into(TypeDescriptors.strings())
            .via((DeadLetter d) -> OutputSchema.DEAD_LETTERS.toJson(d, config.stamp())))
        .apply("KeyDeadLetters", WithKeys.of("dead_letters"))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of()))
        .apply("GroupDeadLetters", GroupByKey.create())
        .apply("WriteDeadLetters", ParDo.of(
            new WriteDeadLettersFn(outputDir, config.runId(), readiness))
            .withSideInputs(readiness));
    CheckReadiness.failIfRefused(gate);
    return PDone.in(in.getPipeline());
  }

  /** One rendered output line (UTF-8 JSON) with the player it is sorted by. */
  private record Line(String playerLookup, byte[] json) {}

  /** The tags of one month's feature rows, gap rows and health rows. */
  record Tags(TupleTag<Batch<ScoredRow>> rows, TupleTag<Batch<GapRow>> gaps,
      TupleTag<HealthRow> health) implements java.io.Serializable {}

  /** The tables written per date, in the order they are written. */
  private static final List<String> DATE_TABLES = List.of(OutputSchema.FEATURE_STORE.name(),
      OutputSchema.GAPS.name(), OutputSchema.HEALTH.name());

  static final class WriteMonthFn extends DoFn<KV<String, CoGbkResult>, Void> {
    private final String outputDir;
    private final RunConfig config;
    private final boolean compress;
    private final Tags tags;
    private final PCollectionView<Readiness> readiness;
    private final Counter written = Metrics.counter(MetricNames.NAMESPACE, MetricNames.FILES_WRITTEN);
    private final Counter deleted = Metrics.counter(MetricNames.NAMESPACE, MetricNames.FILES_DELETED);
    private final Counter dates = Metrics.counter(MetricNames.NAMESPACE, MetricNames.DATES_WRITTEN);
    private final Counter resolved = Metrics.counter(MetricNames.NAMESPACE,
        MetricNames.GAPS_RESOLVED);
    private final Counter reopened = Metrics.counter(MetricNames.NAMESPACE,
        MetricNames.GAPS_REOPENED);

    WriteMonthFn(String outputDir, RunConfig config, boolean compress, Tags tags,
        PCollectionView<Readiness> readiness) {
      this.outputDir = outputDir;
      this.config = config;
      this.compress = compress;
      this.tags = tags;
      this.readiness = readiness;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      Readiness gate = c.sideInput(readiness);
      if (gate.refused()) {
        return;
      }
      KV<String, CoGbkResult> month = c.element();
      long t0 = System.nanoTime();
      YearMonth m = YearMonth.parse(month.getKey());
      LocalDate from = max(m.atDay(1), config.start());
      LocalDate to = min(m.atEndOfMonth(), config.end());
      Map<LocalDate, List<ScoredRow>> rows = new TreeMap<>();
      for (ScoredRow f : BatchByKey.flatten(month.getValue().getAll(tags.rows()))) {
        rows.computeIfAbsent(f.record().gameDate(), k -> new ArrayList<>()).add(f);
      }
      Map<LocalDate, List<GapRow>> gaps = new TreeMap<>();
      for (GapRow g : BatchByKey.flatten(month.getValue().getAll(tags.gaps()))) {
        gaps.computeIfAbsent(g.gameDate(), k -> new ArrayList<>()).add(g);
      }
      Map<LocalDate, List<Line>> health = new TreeMap<>();
      for (HealthRow h : month.getValue().getAll(tags.health())) {
        health.computeIfAbsent(h.gameDate(), k -> new ArrayList<>()).add(
            new Line("", OutputSchema.HEALTH.toJsonBytes(h, config.stamp())));
      }
      try {
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
          if (gate.roster(d) == 0 && !config.safety().replaceEmptyDates()) {
            for (String table : DATE_TABLES) {
              keep(table, d);
            }
            continue;
          }
          writeFeatureDate(d, rows.getOrDefault(d, List.of()));
          writeDate(OutputSchema.GAPS.name(), d, gapLines(d, gaps.getOrDefault(d, List.of())));
          writeDate(OutputSchema.HEALTH.name(), d, health.getOrDefault(d, List.of()));
          dates.inc();
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write outputs of " + m + " under " + outputDir, e);
      }
      Metrics.distribution(MetricNames.NAMESPACE, MetricNames.stageMillis(MetricNames.STAGE_WRITE))
          .update((System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * The date's gap lines: its stored gap rows (any layout) merged with the gaps this run
     * produced ({@link GapLifecycle}).
     */
    private List<Line> gapLines(LocalDate d, List<GapRow> produced) throws IOException {
      List<GapRow> stored = new ArrayList<>();
      for (String rel : OutputLayout.candidates(OutputSchema.GAPS.name(), d)) {
        for (String line : FileOutputs.readLines(FileOutputs.path(outputDir, rel))) {
          GapRow g;
          try {
            g = GapLifecycle.fromStored(Json.readObject(line));
          } catch (IOException | RuntimeException e) {
            throw new IOException("stored gap row of " + d + " in " + rel + " is not a gap row ("
                + e.getMessage() + "): fix or remove the file", e);
          }
          if (g != null && g.gameDate().equals(d)) {
            stored.add(g);
          }
        }
      }
      GapLifecycle.Result merged = GapLifecycle.merge(stored, produced,
          config.stamp().createdAt(), config.runId());
      resolved.inc(merged.resolvedNow());
      reopened.inc(merged.reopened());
      List<Line> lines = new ArrayList<>();
      for (GapRow g : merged.rows()) {
        lines.add(new Line(g.playerLookup(), OutputSchema.GAPS.toJsonBytes(g, config.stamp())));
      }
      return lines;
    }

    /**
     * A date without roster keeps its existing file (a late upstream, an import that recognised
     * nothing): its rows are counted for the breakdown's kept dates.
     */
    private void keep(String table, LocalDate d) throws IOException {
      long n = 0;
      for (String rel : OutputLayout.candidates(table, d)) {
        n += FileOutputs.countLines(FileOutputs.path(outputDir, rel));
      }
      if (n > 0) {
        Metrics.counter(MetricNames.NAMESPACE, MetricNames.keptRows(table, d)).inc(n);
      }
    }

    /**
     * {@link #writeDate} for the feature rows: one row per player, so sorted by player the rows
     * stream into the file through one line buffer (a date with two rows of one player, which
     * the sweep never makes, goes through the general path, sorted by text too).
     */
    private void writeFeatureDate(LocalDate d, List<ScoredRow> rows) throws IOException {
      String table = OutputSchema.FEATURE_STORE.name();
      List<ScoredRow> sorted = new ArrayList<>(rows);
      sorted.sort(Comparator.comparing((ScoredRow r) -> r.record().playerLookup()));
      for (int i = 1; i < sorted.size(); i++) {
        if (sorted.get(i).record().playerLookup().equals(
            sorted.get(i - 1).record().playerLookup())) {
          List<Line> lines = new ArrayList<>();
          for (ScoredRow r : sorted) {
            lines.add(new Line(r.record().playerLookup(),
                OutputSchema.FEATURE_STORE.toJsonBytes(r, config.stamp())));
          }
          writeDate(table, d, lines);
          return;
        }
      }
      if (!sorted.isEmpty()) {
        OutputTable<ScoredRow>.LineWriter writer =
            OutputSchema.FEATURE_STORE.lineWriter(config.stamp());
        FileOutputs.replaceWith(FileOutputs.path(outputDir, OutputLayout.datePath(table, d,
            compress)), config.runId(), compress, out -> {
              for (ScoredRow r : sorted) {
                writer.write(r, out);
              }
            });
        written.inc();
      }
      removeOtherForms(table, d, !sorted.isEmpty());
    }

    /** Replaces the date's file with its lines sorted by player (then by text), or removes it. */
    private void writeDate(String table, LocalDate d, List<Line> lines) throws IOException {
      String target = OutputLayout.datePath(table, d, compress);
      if (!lines.isEmpty()) {
        List<Line> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparing(Line::playerLookup)
            .thenComparing(Line::json, Arrays::compare));
        FileOutputs.replaceBytes(FileOutputs.path(outputDir, target),
            sorted.stream().map(Line::json).toList(), config.runId(), compress);
        written.inc();
      }
      removeOtherForms(table, d, !lines.isEmpty());
    }

    /**
     * Every other form of the date (the other compression, the layout of earlier versions) goes;
     * with nothing written, the date's file and its folder go too.
     */
    private void removeOtherForms(String table, LocalDate d, boolean written)
        throws IOException {
      String target = OutputLayout.datePath(table, d, compress);
      for (String rel : OutputLayout.candidates(table, d)) {
        if ((!written || !rel.equals(target))
            && FileOutputs.deleteIfExists(FileOutputs.path(outputDir, rel))) {
          deleted.inc();
        }
      }
      if (!written) {
        FileOutputs.deleteEmptyFolder(FileOutputs.path(outputDir, OutputLayout.dateFolder(table,
            d)));
      }
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
      return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
      return a.isBefore(b) ? a : b;
    }
  }

  static final class WriteDeadLettersFn extends DoFn<KV<String, Iterable<String>>, Void> {
    private final String outputDir;
    private final String runId;
    private final PCollectionView<Readiness> readiness;

    WriteDeadLettersFn(String outputDir, String runId, PCollectionView<Readiness> readiness) {
      this.outputDir = outputDir;
      this.runId = runId;
      this.readiness = readiness;
    }

    @ProcessElement
    public void process(ProcessContext c) throws IOException {
      if (c.sideInput(readiness).refused()) {
        return;
      }
      List<String> lines = new ArrayList<>();
      c.element().getValue().forEach(lines::add);
      lines.sort(Comparator.naturalOrder());
      FileOutputs.replace(FileOutputs.path(outputDir, deadLetterPath(runId)), lines, runId);
    }
  }
}
