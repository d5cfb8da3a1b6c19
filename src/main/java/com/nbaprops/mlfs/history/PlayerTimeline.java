package com.nbaprops.mlfs.history;

import com.nbaprops.mlfs.RunConfig;
import com.nbaprops.mlfs.metrics.MetricNames;
import com.nbaprops.mlfs.metrics.StageTimer;
import com.nbaprops.mlfs.model.BettingProsPropRow;
import com.nbaprops.mlfs.model.CompositeFactorsRow;
import com.nbaprops.mlfs.model.DailyCacheRow;
import com.nbaprops.mlfs.model.GameContextRow;
import com.nbaprops.mlfs.model.OddsPropRow;
import com.nbaprops.mlfs.model.PlayerGameRow;
import com.nbaprops.mlfs.model.ShotZoneRow;
import com.nbaprops.mlfs.source.SourceTable;
import com.nbaprops.mlfs.util.BatchByKey;
import com.nbaprops.mlfs.util.RecordCoder;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Joins the seven per-player tables with one {@code CoGroupByKey} keyed by {@code player_lookup}
 * (not by (player, date): a few hundred keys instead of tens of thousands) and runs the
 * {@link PlayerSweep} over each player's rows, emitting one {@link PlayerInputs} per roster entry.
 */
public final class PlayerTimeline extends PTransform<PCollectionTuple, PCollection<PlayerInputs>> {
  private final RunConfig config;

  public PlayerTimeline(RunConfig config) {
    this.config = config;
  }

  /** The CoGroupByKey tag of a table's per-player batches. */
  static <T extends Record> TupleTag<byte[]> batches(SourceTable<T> table) {
    return new TupleTag<>(table.name() + "_batches");
  }

  @Override
  public PCollection<PlayerInputs> expand(PCollectionTuple sources) {
    KeyedPCollectionTuple<String> keyed = KeyedPCollectionTuple
        .of(batches(SourceTable.PLAYER_GAME_SUMMARY),
            byPlayer(sources, SourceTable.PLAYER_GAME_SUMMARY, PlayerGameRow::playerLookup))
        .and(batches(SourceTable.UPCOMING_PLAYER_GAME_CONTEXT),
            byPlayer(sources, SourceTable.UPCOMING_PLAYER_GAME_CONTEXT,
                GameContextRow::playerLookup))
        .and(batches(SourceTable.PLAYER_DAILY_CACHE),
            byPlayer(sources, SourceTable.PLAYER_DAILY_CACHE, DailyCacheRow::playerLookup))
        .and(batches(SourceTable.PLAYER_COMPOSITE_FACTORS),
            byPlayer(sources, SourceTable.PLAYER_COMPOSITE_FACTORS,
                CompositeFactorsRow::playerLookup))
        .and(batches(SourceTable.PLAYER_SHOT_ZONE_ANALYSIS),
            byPlayer(sources, SourceTable.PLAYER_SHOT_ZONE_ANALYSIS, ShotZoneRow::playerLookup))
        .and(batches(SourceTable.ODDS_API_PLAYER_POINTS_PROPS),
            byPlayer(sources, SourceTable.ODDS_API_PLAYER_POINTS_PROPS, OddsPropRow::playerLookup))
        .and(batches(SourceTable.BETTINGPROS_PLAYER_POINTS_PROPS),
            byPlayer(sources, SourceTable.BETTINGPROS_PLAYER_POINTS_PROPS,
                BettingProsPropRow::playerLookup));
    return keyed
        .apply("GroupByPlayer", CoGroupByKey.create())
        .apply("SweepPlayer", ParDo.of(new SweepFn(config)))
        .setCoder(RecordCoder.of(PlayerInputs.class));
  }

  /** Rows of one table in per-player batches (see {@link BatchByKey}). */
  private static <T extends Record> PCollection<KV<String, byte[]>> byPlayer(
      PCollectionTuple sources, SourceTable<T> table, SerializableFunction<T, String> key) {
    return sources.get(table.tag())
        .apply("BatchByPlayer " + table.name(), BatchByKey.of(key, table.coder()));
  }

  /** The thin Beam wrapper around {@link PlayerSweep}. */
  static final class SweepFn extends DoFn<KV<String, CoGbkResult>, PlayerInputs> {
    private final RunConfig config;
    private final StageTimer timer = new StageTimer(MetricNames.STAGE_SWEEP);
    private final Counter roster = Metrics.counter(MetricNames.NAMESPACE, MetricNames.ROSTER_ENTRIES);

    SweepFn(RunConfig config) {
      this.config = config;
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> group, OutputReceiver<PlayerInputs> out) {
      long t0 = System.nanoTime();
      CoGbkResult r = group.getValue();
      PlayerSweep.PlayerRows rows = new PlayerSweep.PlayerRows(
          list(r, SourceTable.PLAYER_GAME_SUMMARY),
          list(r, SourceTable.UPCOMING_PLAYER_GAME_CONTEXT),
          list(r, SourceTable.PLAYER_DAILY_CACHE),
          list(r, SourceTable.PLAYER_COMPOSITE_FACTORS),
          list(r, SourceTable.PLAYER_SHOT_ZONE_ANALYSIS),
          list(r, SourceTable.ODDS_API_PLAYER_POINTS_PROPS),
          list(r, SourceTable.BETTINGPROS_PLAYER_POINTS_PROPS));
      PlayerSweep.Result result =
          PlayerSweep.sweep(config.mode(), config.start(), config.end(), rows);
      result.duplicatesByTable().forEach((table, n) ->
          Metrics.counter(MetricNames.NAMESPACE, MetricNames.duplicates(table)).inc(n));
      for (PlayerInputs in : result.entries()) {
        roster.inc();
        out.output(in);
      }
      timer.add(t0);
    }

    @FinishBundle
    public void finishBundle() {
      timer.flush();
    }

    private static <T extends Record> List<T> list(CoGbkResult r, SourceTable<T> table) {
      return BatchByKey.unpackAll(r.getAll(batches(table)), table.coder());
    }
  }
}
