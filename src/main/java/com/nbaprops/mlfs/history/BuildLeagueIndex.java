package com.nbaprops.mlfs.history;

import com.nbaprops.mlfs.metrics.MetricNames;
import com.nbaprops.mlfs.model.PlayerGameRow;
import com.nbaprops.mlfs.model.TeamDefenseRow;
import com.nbaprops.mlfs.model.TeamGameRow;
import com.nbaprops.mlfs.source.SourceTable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Min;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Builds the one {@link LeagueIndex} of the job from {@code team_offense_game_summary}, {@code
 * team_defense_zone_analysis} and the earliest box-score date of each season, as a singleton side
 * input for the feature builder.
 */
public final class BuildLeagueIndex
    extends PTransform<PCollectionTuple, PCollectionView<LeagueIndex>> {

  @Override
  public PCollectionView<LeagueIndex> expand(PCollectionTuple sources) {
    PCollectionView<List<TeamGameRow>> games =
        sources.get(SourceTable.TEAM_OFFENSE_GAME_SUMMARY.tag()).apply("TeamGamesView",
            View.asList());
    PCollectionView<List<TeamDefenseRow>> defense =
        sources.get(SourceTable.TEAM_DEFENSE_ZONE_ANALYSIS.tag()).apply("TeamDefenseView",
            View.asList());
    PCollectionView<Map<String, Long>> starts = sources.get(SourceTable.PLAYER_GAME_SUMMARY.tag())
        .apply("WithSeason", Filter.by((PlayerGameRow r) -> r.seasonYear() != null))
        .apply("SeasonAndDay", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs()))
            .via((PlayerGameRow r) -> KV.of(Long.toString(r.seasonYear()),
                r.gameDate().toEpochDay())))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
        .apply("FirstGamePerSeason", Min.longsPerKey())
        .apply("SeasonStartsView", View.asMap());
    return sources.getPipeline()
        .apply("Once", Create.of("league"))
        .apply("IndexLeague", ParDo.of(new DoFn<String, LeagueIndex>() {
          @ProcessElement
          public void process(ProcessContext c) {
            long t0 = System.nanoTime();
            LeagueIndex index = new LeagueIndex(c.sideInput(games), c.sideInput(defense),
                new TreeMap<>(c.sideInput(starts)));
            index.duplicatesByTable().forEach((table, n) ->
                Metrics.counter(MetricNames.NAMESPACE, MetricNames.duplicates(table)).inc(n));
            Metrics.distribution(MetricNames.NAMESPACE,
                MetricNames.stageMillis(MetricNames.STAGE_LEAGUE))
                .update((System.nanoTime() - t0) / 1_000_000);
            c.output(index);
          }
        }).withSideInputs(games, defense, starts))
        .setCoder(new LeagueIndex.Coder())
        .apply("LeagueView", View.asSingleton());
  }
}
