package com.nbaprops.mlfs.features;

import com.nbaprops.mlfs.RunConfig;
import com.nbaprops.mlfs.contract.FeatureContract;
import com.nbaprops.mlfs.history.LeagueIndex;
import com.nbaprops.mlfs.history.PlayerInputs;
import com.nbaprops.mlfs.metrics.MetricNames;
import com.nbaprops.mlfs.metrics.StageTimer;
import com.nbaprops.mlfs.util.RecordCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * The thin Beam wrapper around {@link EntryProcessor}: one feature row or one gap row per roster
 * entry, with counters for rows, gaps per reason and defaults per feature.
 */
public final class BuildFeatureRows
    extends PTransform<PCollection<PlayerInputs>, PCollectionTuple> {
  public static final TupleTag<ScoredRow> FEATURE_ROWS = new TupleTag<>("feature_rows");
  public static final TupleTag<GapRow> GAP_ROWS = new TupleTag<>("gap_rows");

  private final PCollectionView<LeagueIndex> league;
  private final RunConfig config;

  public BuildFeatureRows(PCollectionView<LeagueIndex> league, RunConfig config) {
    this.league = league;
    this.config = config;
  }

  @Override
  public PCollectionTuple expand(PCollection<PlayerInputs> entries) {
    PCollectionTuple out = entries.apply("BuildVector", ParDo.of(new BuildFn(league, config))
        .withSideInputs(league)
        .withOutputTags(FEATURE_ROWS, TupleTagList.of(GAP_ROWS)));
    out.get(FEATURE_ROWS).setCoder(RecordCoder.of(ScoredRow.class));
    out.get(GAP_ROWS).setCoder(RecordCoder.of(GapRow.class));
    return out;
  }

  static final class BuildFn extends DoFn<PlayerInputs, ScoredRow> {
    private final PCollectionView<LeagueIndex> league;
    private final RunConfig config;
    private final Counter rows = Metrics.counter(MetricNames.NAMESPACE, MetricNames.FEATURE_ROWS);
    private final Counter gaps = Metrics.counter(MetricNames.NAMESPACE, MetricNames.GAP_ROWS);
    private final Counter[] defaults = new Counter[FeatureContract.FEATURE_COUNT];
    private final Counter cacheMiss =
        Metrics.counter(MetricNames.NAMESPACE, MetricNames.fallback("player_daily_cache"));
    private final Counter compositeMiss =
        Metrics.counter(MetricNames.NAMESPACE, MetricNames.fallback("player_composite_factors"));
    private final Counter zoneMiss =
        Metrics.counter(MetricNames.NAMESPACE, MetricNames.fallback("player_shot_zone_analysis"));
    private final StageTimer timer = new StageTimer(MetricNames.STAGE_BUILD);
    private final Distribution vectorMicros =
        Metrics.distribution(MetricNames.NAMESPACE, MetricNames.VECTOR_BUILD_US);

    BuildFn(PCollectionView<LeagueIndex> league, RunConfig config) {
      this.league = league;
      this.config = config;
      for (int i = 0; i < defaults.length; i++) {
        defaults[i] = Metrics.counter(MetricNames.NAMESPACE, MetricNames.defaults(i));
      }
    }

    @ProcessElement
    public void process(ProcessContext c) {
      long t0 = System.nanoTime();
      PlayerInputs in = c.element();
      LeagueIndex index = c.sideInput(league);
      long t1 = System.nanoTime();
      EntryProcessor.Outcome o =
          EntryProcessor.process(in, index, config.bootstrapDays());
      vectorMicros.update((System.nanoTime() - t1) / 1_000);
      if (o.isRow()) {
        rows.inc();
        for (int i : o.row().quality().defaultIndices()) {
          defaults[i].inc();
        }
        if (in.cache() == null) {
          cacheMiss.inc();
        }
        if (in.composite() == null) {
          compositeMiss.inc();
        }
        if (in.shotZone() == null) {
          zoneMiss.inc();
        }
        c.output(o.row());
      } else {
        gaps.inc();
        Metrics.counter(MetricNames.NAMESPACE, MetricNames.gaps(o.gap().reason())).inc();
        c.output(GAP_ROWS, o.gap());
      }
      timer.add(t0);
    }

    @FinishBundle
    public void finishBundle() {
      timer.flush();
    }
  }
}
