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
import com.nbaprops.mlfs.util.Batch;
import com.nbaprops.mlfs.util.BatchByKey;
import com.nbaprops.mlfs.util.RecordCoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
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
 * Joins the seven per-player tables with one typed {@code CoGroupByKey} and runs the
 * {@link PlayerSweep} over each player's rows, emitting one {@link PlayerInputs} per roster entry.
 *
 * <p>The join key is the player ({@code RunConfig.playerShards() == 0}, the default off the
 * DirectRunner: every player is its own key, as much parallelism as Dataflow can use) or one of N
 * shards of players by the hash of {@code player_lookup}. The DirectRunner pays a fixed cost per
 * bundle after a shuffle (it re-creates every downstream DoFn evaluator from its serialized form),
 * and it makes one bundle per key: with a few shards instead of ~1,500 players the job does the
 * same work in about half the time (README, "Performance"). Within a shard, players are swept one
 * by one in {@code player_lookup} order, so the output does not depend on the shard count.
 */
public final class PlayerTimeline extends PTransform<PCollectionTuple, PCollection<PlayerInputs>> {
  private final RunConfig config;

  public PlayerTimeline(RunConfig config) {
    this.config = config;
  }

  /** The CoGroupByKey tag of a table's batches. */
  static <T extends Record> TupleTag<Batch<T>> batches(SourceTable<T> table) {
    return new TupleTag<>(table.name() + "_batches");
  }

  @Override
  public PCollection<PlayerInputs> expand(PCollectionTuple sources) {
    int shards = config.playerShards();
    KeyedPCollectionTuple<String> keyed = KeyedPCollectionTuple
        .of(batches(SourceTable.PLAYER_GAME_SUMMARY), byPlayer(sources,
            SourceTable.PLAYER_GAME_SUMMARY, PlayerGameRow::playerLookup, shards))
        .and(batches(SourceTable.UPCOMING_PLAYER_GAME_CONTEXT), byPlayer(sources,
            SourceTable.UPCOMING_PLAYER_GAME_CONTEXT, GameContextRow::playerLookup, shards))
        .and(batches(SourceTable.PLAYER_DAILY_CACHE), byPlayer(sources,
            SourceTable.PLAYER_DAILY_CACHE, DailyCacheRow::playerLookup, shards))
        .and(batches(SourceTable.PLAYER_COMPOSITE_FACTORS), byPlayer(sources,
            SourceTable.PLAYER_COMPOSITE_FACTORS, CompositeFactorsRow::playerLookup, shards))
        .and(batches(SourceTable.PLAYER_SHOT_ZONE_ANALYSIS), byPlayer(sources,
            SourceTable.PLAYER_SHOT_ZONE_ANALYSIS, ShotZoneRow::playerLookup, shards))
        .and(batches(SourceTable.ODDS_API_PLAYER_POINTS_PROPS), byPlayer(sources,
            SourceTable.ODDS_API_PLAYER_POINTS_PROPS, OddsPropRow::playerLookup, shards))
        .and(batches(SourceTable.BETTINGPROS_PLAYER_POINTS_PROPS), byPlayer(sources,
            SourceTable.BETTINGPROS_PLAYER_POINTS_PROPS, BettingProsPropRow::playerLookup,
            shards));
    return keyed
        .apply("GroupByPlayer", CoGroupByKey.create())
        .apply("SweepPlayers", ParDo.of(new SweepFn(config)))
        .setCoder(RecordCoder.of(PlayerInputs.class));
  }

  /** The join key of a player: the player itself, or its shard. */
  static String joinKey(String player, int shards) {
    return shards == 0 ? player : Integer.toString(Math.floorMod(player.hashCode(), shards));
  }

  /** Rows of one table in batches per join key (see {@link BatchByKey}). */
  private static <T extends Record> PCollection<KV<String, Batch<T>>> byPlayer(
      PCollectionTuple sources, SourceTable<T> table, SerializableFunction<T, String> player,
      int shards) {
    return sources.get(table.tag()).apply("BatchByPlayer " + table.name(),
        BatchByKey.of((T row) -> joinKey(player.apply(row), shards), table.coder()));
  }

  /** The thin Beam wrapper around {@link PlayerSweep}: each player of the key in turn. */
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
      Map<String, List<PlayerGameRow>> games =
          byPlayer(r, SourceTable.PLAYER_GAME_SUMMARY, PlayerGameRow::playerLookup);
      Map<String, List<GameContextRow>> contexts =
          byPlayer(r, SourceTable.UPCOMING_PLAYER_GAME_CONTEXT, GameContextRow::playerLookup);
      Map<String, List<DailyCacheRow>> caches =
          byPlayer(r, SourceTable.PLAYER_DAILY_CACHE, DailyCacheRow::playerLookup);
      Map<String, List<CompositeFactorsRow>> composites =
          byPlayer(r, SourceTable.PLAYER_COMPOSITE_FACTORS, CompositeFactorsRow::playerLookup);
      Map<String, List<ShotZoneRow>> zones =
          byPlayer(r, SourceTable.PLAYER_SHOT_ZONE_ANALYSIS, ShotZoneRow::playerLookup);
      Map<String, List<OddsPropRow>> odds =
          byPlayer(r, SourceTable.ODDS_API_PLAYER_POINTS_PROPS, OddsPropRow::playerLookup);
      Map<String, List<BettingProsPropRow>> bettingPros = byPlayer(r,
          SourceTable.BETTINGPROS_PLAYER_POINTS_PROPS, BettingProsPropRow::playerLookup);
      TreeSet<String> players = new TreeSet<>();
      for (Map<String, ?> m : List.of(games, contexts, caches, composites, zones, odds,
          bettingPros)) {
        players.addAll(m.keySet());
      }
      for (String p : players) {
        PlayerSweep.PlayerRows rows = new PlayerSweep.PlayerRows(
            games.getOrDefault(p, List.of()), contexts.getOrDefault(p, List.of()),
            caches.getOrDefault(p, List.of()), composites.getOrDefault(p, List.of()),
            zones.getOrDefault(p, List.of()), odds.getOrDefault(p, List.of()),
            bettingPros.getOrDefault(p, List.of()));
        emit(PlayerSweep.sweep(config.mode(), config.start(), config.end(), rows), out);
      }
      timer.add(t0);
    }

    private void emit(PlayerSweep.Result result, OutputReceiver<PlayerInputs> out) {
      result.duplicatesByTable().forEach((table, n) ->
          Metrics.counter(MetricNames.NAMESPACE, MetricNames.duplicates(table)).inc(n));
      for (PlayerInputs in : result.entries()) {
        roster.inc();
        out.output(in);
      }
    }

    @FinishBundle
    public void finishBundle() {
      timer.flush();
    }

    /** A key's rows of one table, by player, each player's rows in arrival order. */
    private static <T extends Record> Map<String, List<T>> byPlayer(CoGbkResult r,
        SourceTable<T> table, SerializableFunction<T, String> player) {
      Map<String, List<T>> m = new TreeMap<>();
      for (Batch<T> batch : r.getAll(batches(table))) {
        for (T row : batch.elements()) {
          m.computeIfAbsent(player.apply(row), k -> new ArrayList<>()).add(row);
        }
      }
      return m;
    }
  }
}
