package com.nbaprops.mlfs;

import com.nbaprops.mlfs.features.BuildFeatureRows;
import com.nbaprops.mlfs.history.BuildLeagueIndex;
import com.nbaprops.mlfs.history.LeagueIndex;
import com.nbaprops.mlfs.history.PlayerInputs;
import com.nbaprops.mlfs.history.PlayerTimeline;
import com.nbaprops.mlfs.readiness.CheckReadiness;
import com.nbaprops.mlfs.readiness.Readiness;
import com.nbaprops.mlfs.source.SourceTables;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.PDone;

/**
 * The whole job as one composite transform; the source and the sink are injected (files or
 * BigQuery), everything between them is shared. The sink receives the feature rows, the gap rows,
 * the dead letters and the run's {@link Readiness}: a refused run writes nothing, and a date of the
 * range without roster keeps its existing output unless {@code --replaceEmptyDates}.
 */
public final class FeatureStore extends PTransform<PBegin, PDone> {
  private final PTransform<PBegin, PCollectionTuple> source;
  private final PTransform<PCollectionTuple, PDone> sink;
  private final RunConfig config;

  public FeatureStore(PTransform<PBegin, PCollectionTuple> source,
      PTransform<PCollectionTuple, PDone> sink, RunConfig config) {
    this.source = source;
    this.sink = sink;
    this.config = config;
  }

  @Override
  public PDone expand(PBegin begin) {
    PCollectionTuple sources = begin.apply("ReadSources", source);
    PCollectionView<LeagueIndex> league = sources.apply("BuildLeagueIndex", new BuildLeagueIndex());
    PCollection<PlayerInputs> entries = sources.apply("PlayerTimeline", new PlayerTimeline(config));
    PCollection<Readiness> readiness = sources.and(CheckReadiness.ENTRIES, entries)
        .apply("CheckReadiness", new CheckReadiness(league, config));
    PCollectionTuple rows =
        entries.apply("BuildFeatureRows", new BuildFeatureRows(league, config));
    return rows
        .and(SourceTables.DEAD_LETTERS, sources.get(SourceTables.DEAD_LETTERS))
        .and(CheckReadiness.READINESS, readiness)
        .apply("WriteOutputs", sink);
  }
}
