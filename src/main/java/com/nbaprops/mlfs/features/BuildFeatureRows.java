package com.nbaprops.mlfs.features;

import com.nbaprops.mlfs.RunConfig;
import com.nbaprops.mlfs.contract.FeatureContract;
import com.nbaprops.mlfs.history.LeagueIndex;
import com.nbaprops.mlfs.history.PlayerInputs;
import com.nbaprops.mlfs.metrics.BundleMetrics;
import com.nbaprops.mlfs.metrics.MetricNames;
import com.nbaprops.mlfs.metrics.StageTimer;
import com.nbaprops.mlfs.util.RecordCoder;
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
    private static final String[] DEFAULTS = new String[FeatureContract.FEATURE_COUNT];
    private static final String CACHE_MISS = MetricNames.fallback("player_daily_cache");
    private static final String COMPOSITE_MISS = MetricNames.fallback("player_composite_factors");
    private static final String ZONE_MISS = MetricNames.fallback("player_shot_zone_analysis");

    static {
      for (int i = 0; i < DEFAULTS.length; i++) {
        DEFAULTS[i] = MetricNames.defaults(i);
      }
    }

    private final PCollectionView<LeagueIndex> league;
    private final RunConfig config;
    private final BundleMetrics metrics = new BundleMetrics();
    private final StageTimer timer = new StageTimer(MetricNames.STAGE_BUILD);

    BuildFn(PCollectionView<LeagueIndex> league, RunConfig config) {
      this.league = league;
      this.config = config;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      long t0 = System.nanoTime();
      PlayerInputs in = c.element();
      LeagueIndex index = c.sideInput(league);
      long t1 = System.nanoTime();
      EntryProcessor.Outcome o =
          EntryProcessor.process(in, index, config.bootstrapDays());
      metrics.update(MetricNames.VECTOR_BUILD_US, (System.nanoTime() - t1) / 1_000);
      if (o.isRow()) {
        metrics.inc(MetricNames.FEATURE_ROWS);
        for (int i : o.row().quality().defaultIndices()) {
          metrics.inc(DEFAULTS[i]);
        }
        if (in.cache() == null) {
          metrics.inc(CACHE_MISS);
        }
        if (in.composite() == null) {
          metrics.inc(COMPOSITE_MISS);
        }
        if (in.shotZone() == null) {
          metrics.inc(ZONE_MISS);
        }
        c.output(o.row());
      } else {
        metrics.inc(MetricNames.GAP_ROWS);
        metrics.inc(MetricNames.gaps(o.gap().reason()));
        c.output(GAP_ROWS, o.gap());
      }
      timer.add(t0);
    }

    @FinishBundle
    public void finishBundle() {
      metrics.flush();
      timer.flush();
    }
  }
}
