package com.nbaprops.mlfs;

import com.nbaprops.mlfs.features.BuildFeatureRows;
import com.nbaprops.mlfs.health.ComputeHealth;
import com.nbaprops.mlfs.health.DaySummary;
import com.nbaprops.mlfs.health.ReadStoredHealth;
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
 * the daily health rows (with the distinct-player counts of the breakdown), the dead letters and
 * the run's {@link Readiness}: a refused run writes nothing, and a date of the range without
 * roster keeps its existing output unless {@code --replaceEmptyDates}.
 */
public final class FeatureStore extends PTransform<PBegin, PDone> {
  private final PTransform<PBegin, PCollectionTuple> source;
  private final PTransform<PBegin, PCollection<DaySummary>> storedHealth;
  private final PTransform<PCollectionTuple, PDone> sink;
  private final RunConfig config;

  /**
   * @param storedHealth the sink's stored health rows of the four weeks before the run (the drift
   *     baseline of its first dates: {@link ReadStoredHealth})
   */
  public FeatureStore(PTransform<PBegin, PCollectionTuple> source,
      PTransform<PBegin, PCollection<DaySummary>> storedHealth,
      PTransform<PCollectionTuple, PDone> sink, RunConfig config) {
    this.source = source;
    this.storedHealth = storedHealth;
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
    PCollectionTuple health = rows.apply("ComputeHealth", new ComputeHealth(
        begin.apply("ReadStoredHealth", storedHealth), config));
    return rows
        .and(ComputeHealth.HEALTH_ROWS, health.get(ComputeHealth.HEALTH_ROWS))
        .and(ComputeHealth.PLAYER_KEYS, health.get(ComputeHealth.PLAYER_KEYS))
        .and(SourceTables.DEAD_LETTERS, sources.get(SourceTables.DEAD_LETTERS))
        .and(CheckReadiness.READINESS, readiness)
        .apply("WriteOutputs", sink);
  }
}
