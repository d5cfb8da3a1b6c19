package com.nbaprops.mlfs.health;

import com.nbaprops.mlfs.RunConfig;
import com.nbaprops.mlfs.contract.FeatureContract;
import com.nbaprops.mlfs.features.BuildFeatureRows;
import com.nbaprops.mlfs.features.GapRow;
import com.nbaprops.mlfs.features.ScoredRow;
import com.nbaprops.mlfs.metrics.MetricNames;
import com.nbaprops.mlfs.util.Batch;
import com.nbaprops.mlfs.util.BatchByKey;
import com.nbaprops.mlfs.util.RecordCoder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The daily health of the run: one {@link HealthRow} per date with roster, from the date's
 * feature rows and gaps ({@link DayHealth}), with its drift against the previous four weeks
 * ({@link Drift}): the run's own dates and, before its first date, the stored rows ({@link
 * ReadStoredHealth}). Also the distinct players of the breakdown ({@link #PLAYER_KEYS}).
 *
 * <p>Everything meets under one key, sorted by date in memory: the drift of a date needs the 28
 * dates before it, and a row's part of it ({@link RowFacts}) is small (four seasons: about 50 MB).
 * One grouping step instead of one per date and one for the drift keeps the graph small, which
 * is what costs on the DirectRunner (its per-bundle bookkeeping grows with the number of steps).
 * Each health row's counters ({@link HealthCounts}) go to the Beam metrics.
 */
public final class ComputeHealth extends PTransform<PCollectionTuple, PCollectionTuple> {
  /** The health rows, one per date of the run with roster. */
  public static final TupleTag<HealthRow> HEALTH_ROWS = new TupleTag<>("health_rows");
  /**
   * One key per distinct player ({@link MetricNames#HEALTH_PLAYERS}) and per (player, feature
   * defaulted for them at least once) ({@link MetricNames#healthDefaultPlayers}): what the
   * BigQuery sink counts into its run history; a local run reads the same metrics.
   */
  public static final TupleTag<String> PLAYER_KEYS = new TupleTag<>("player_count_keys");

  private static final String ONE_KEY = "health";

  private final PCollection<DaySummary> stored;
  private final RunConfig config;

  /** @param stored the stored summaries of the days before the run ({@link ReadStoredHealth}) */
  public ComputeHealth(PCollection<DaySummary> stored, RunConfig config) {
    this.stored = stored;
    this.config = config;
  }

  @Override
  public PCollectionTuple expand(PCollectionTuple rows) {
    TupleTag<Batch<RowFacts>> factsTag = new TupleTag<>("facts");
    TupleTag<String> gapsTag = new TupleTag<>("gaps");
    TupleTag<DaySummary> storedTag = new TupleTag<>("stored");
    PCollection<KV<String, Batch<RowFacts>>> facts = rows.get(BuildFeatureRows.FEATURE_ROWS)
        .apply("BatchRowFacts", BatchByKey.of((ScoredRow r) -> RowFacts.of(r),
            (RowFacts f) -> ONE_KEY, RecordCoder.of(RowFacts.class)));
    PCollection<KV<String, String>> gaps = rows.get(BuildFeatureRows.GAP_ROWS)
        .apply("GapDatesAndReasons", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
            .via((GapRow g) -> KV.of(ONE_KEY, g.gameDate() + "|" + g.reason())));
    PCollectionTuple out = KeyedPCollectionTuple.of(factsTag, facts)
        .and(gapsTag, gaps)
        .and(storedTag, stored.apply("KeyStored", WithKeys.of(ONE_KEY)))
        .apply("GroupHealthInputs", CoGroupByKey.create())
        .apply("SummariseDates", ParDo.of(new HealthFn(factsTag, gapsTag, storedTag, config))
            .withOutputTags(HEALTH_ROWS, TupleTagList.of(PLAYER_KEYS)));
    out.get(HEALTH_ROWS).setCoder(RecordCoder.of(HealthRow.class));
    out.get(PLAYER_KEYS).setCoder(StringUtf8Coder.of());
    return out;
  }

  static final class HealthFn extends DoFn<KV<String, CoGbkResult>, HealthRow> {
    private final TupleTag<Batch<RowFacts>> factsTag;
    private final TupleTag<String> gapsTag;
    private final TupleTag<DaySummary> storedTag;
    private final RunConfig config;

    HealthFn(TupleTag<Batch<RowFacts>> factsTag, TupleTag<String> gapsTag,
        TupleTag<DaySummary> storedTag, RunConfig config) {
      this.factsTag = factsTag;
      this.gapsTag = gapsTag;
      this.storedTag = storedTag;
      this.config = config;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      CoGbkResult in = c.element().getValue();
      TreeMap<LocalDate, List<RowFacts>> facts = new TreeMap<>();
      TreeMap<String, Long> defaultsByPlayer = new TreeMap<>();
      for (RowFacts f : BatchByKey.flatten(in.getAll(factsTag))) {
        facts.computeIfAbsent(f.gameDate(), d -> new ArrayList<>()).add(f);
        defaultsByPlayer.merge(f.playerLookup(), mask(f.defaultIndices()), (a, b) -> a | b);
      }
      TreeMap<LocalDate, List<String>> gaps = new TreeMap<>();
      for (String g : in.getAll(gapsTag)) {
        int bar = g.indexOf('|');
        gaps.computeIfAbsent(LocalDate.parse(g.substring(0, bar)), d -> new ArrayList<>())
            .add(g.substring(bar + 1));
      }
      TreeMap<LocalDate, HealthRow> days = new TreeMap<>();
      String mode = config.mode().name().toLowerCase(Locale.ROOT);
      for (LocalDate d = config.start(); !d.isAfter(config.end()); d = d.plusDays(1)) {
        if (facts.containsKey(d) || gaps.containsKey(d)) {
          days.put(d, DayHealth.of(d, mode, facts.getOrDefault(d, List.of()),
              gaps.getOrDefault(d, List.of())));
        }
      }
      TreeMap<LocalDate, DaySummary> summaries = new TreeMap<>();
      in.getAll(storedTag).forEach(s -> summaries.put(s.gameDate(), s));
      days.forEach((d, h) -> summaries.put(d, h.summary()));
      for (HealthRow h : days.values()) {
        HealthRow row = Drift.apply(h, new ArrayList<>(summaries.subMap(
            h.gameDate().minusDays(HealthRules.BASELINE_DAYS), true, h.gameDate(), false)
            .values()), config.safety().minQualityReadyPct());
        HealthCounts.of(row).forEach(
            (k, v) -> Metrics.counter(MetricNames.NAMESPACE, k).inc(v));
        c.output(row);
      }
      for (long m : defaultsByPlayer.values()) {
        playerKey(c, MetricNames.HEALTH_PLAYERS);
        for (int i = 0; i < FeatureContract.FEATURE_COUNT; i++) {
          if ((m & (1L << i)) != 0) {
            playerKey(c, MetricNames.healthDefaultPlayers(i));
          }
        }
      }
    }

    private static void playerKey(ProcessContext c, String key) {
      Metrics.counter(MetricNames.NAMESPACE, key).inc();
      c.output(PLAYER_KEYS, key);
    }
  }

  /** Bit i set when feature i is among the defaults (the contract has fewer than 64 features). */
  static long mask(List<Integer> defaultIndices) {
    long m = 0;
    for (int i : defaultIndices) {
      m |= 1L << i;
    }
    return m;
  }
}
