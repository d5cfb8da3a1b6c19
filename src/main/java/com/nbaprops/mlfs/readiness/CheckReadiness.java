package com.nbaprops.mlfs.readiness;

import com.nbaprops.mlfs.RunConfig;
import com.nbaprops.mlfs.history.LeagueIndex;
import com.nbaprops.mlfs.history.PlayerInputs;
import com.nbaprops.mlfs.metrics.MetricNames;
import com.nbaprops.mlfs.model.CompositeFactorsRow;
import com.nbaprops.mlfs.model.DailyCacheRow;
import com.nbaprops.mlfs.model.TeamDefenseRow;
import com.nbaprops.mlfs.source.SourceTable;
import com.nbaprops.mlfs.util.CountKeys;
import com.nbaprops.mlfs.util.KeyCounts;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.Wait;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Counts, per date of the run, what the job read for the upstream readiness gate ({@link
 * DateCensus}): roster entries and their teams, and the player_daily_cache,
 * player_composite_factors and team_defense_zone_analysis rows dated D. Input: the source tables
 * plus the roster entries under {@link #ENTRIES}; output: one {@link Readiness}. The census is also
 * reported as Beam counters ({@code upstream.<what>.<date>}), which the local breakdown reads.
 */
public final class CheckReadiness extends PTransform<PCollectionTuple, PCollection<Readiness>> {
  public static final TupleTag<PlayerInputs> ENTRIES = new TupleTag<>("roster_entries");
  /** The sinks find the run's readiness under this tag. */
  public static final TupleTag<Readiness> READINESS = new TupleTag<>("readiness");

  static final String ROSTER = "roster";
  static final String TEAMS = "teams_playing";
  static final String CACHE = SourceTable.PLAYER_DAILY_CACHE.name();
  static final String COMPOSITE = SourceTable.PLAYER_COMPOSITE_FACTORS.name();
  static final String DEFENSE = SourceTable.TEAM_DEFENSE_ZONE_ANALYSIS.name();
  static final String BOOTSTRAP = "bootstrap";
  private static final List<String> KINDS =
      List.of(ROSTER, CACHE, COMPOSITE, TEAMS, DEFENSE, BOOTSTRAP);

  private final PCollectionView<LeagueIndex> league;
  private final RunConfig config;

  public CheckReadiness(PCollectionView<LeagueIndex> league, RunConfig config) {
    this.league = league;
    this.config = config;
  }

  @Override
  public PCollection<Readiness> expand(PCollectionTuple in) {
    LocalDate start = config.start();
    LocalDate end = config.end();
    PCollection<Map<String, Long>> roster = in.get(ENTRIES).apply("CountRoster",
        CountKeys.of((PlayerInputs e) -> List.of(key(ROSTER, e.gameDate(), null),
            key(TEAMS, e.gameDate(), String.valueOf(e.roster().teamAbbr())))));
    PCollection<Map<String, Long>> cache = in.get(SourceTable.PLAYER_DAILY_CACHE.tag())
        .apply("CountCache", CountKeys.of((DailyCacheRow r) -> inRange(r.cacheDate(), start, end)
            ? List.of(key(CACHE, r.cacheDate(), null)) : List.of()));
    PCollection<Map<String, Long>> composite = in.get(SourceTable.PLAYER_COMPOSITE_FACTORS.tag())
        .apply("CountComposite", CountKeys.of((CompositeFactorsRow r) ->
            inRange(r.gameDate(), start, end) ? List.of(key(COMPOSITE, r.gameDate(), null))
                : List.of()));
    PCollection<Map<String, Long>> defense =
        in.get(SourceTable.TEAM_DEFENSE_ZONE_ANALYSIS.tag()).apply("CountDefense",
            CountKeys.of((TeamDefenseRow r) -> inRange(r.analysisDate(), start, end)
                ? List.of(key(DEFENSE, r.analysisDate(), String.valueOf(r.teamAbbr())))
                : List.of()));
    return PCollectionList.of(roster).and(cache).and(composite).and(defense)
        .apply("AllCensusCounts", Flatten.pCollections())
        .apply("AddCensusCounts", Combine.globally(new KeyCounts.Merge()))
        .apply("DecideReadiness", ParDo.of(new DecideFn(league, config)).withSideInputs(league))
        .setCoder(SerializableCoder.of(Readiness.class));
  }

  /**
   * Fails the job when the gate refused it; runs after {@code after} (the run-history append of the
   * BigQuery sink), so the refusal is recorded before the job stops. The sinks themselves write
   * nothing for a refused run, so this failure never leaves a partial write behind.
   */
  public static void failIfRefused(PCollection<Readiness> readiness, PCollection<?>... after) {
    PCollectionView<Readiness> view = readiness.apply("ReadinessForGate", View.asSingleton());
    PCollection<String> once = readiness.getPipeline()
        .apply("GateOnce", Create.of("gate").withCoder(
            org.apache.beam.sdk.coders.StringUtf8Coder.of()));
    if (after.length > 0) {
      once = once.apply("GateAfterHistory", Wait.on(after));
    }
    once.apply("FailIfRefused", ParDo.of(new DoFn<String, Void>() {
      @ProcessElement
      public void process(ProcessContext c) {
        Readiness r = c.sideInput(view);
        if (r.refused()) {
          throw new DependencyGateException(r);
        }
      }
    }).withSideInputs(view));
  }

  private static boolean inRange(LocalDate d, LocalDate start, LocalDate end) {
    return d != null && !d.isBefore(start) && !d.isAfter(end);
  }

  private static String key(String kind, LocalDate d, String team) {
    return team == null ? kind + "|" + d : kind + "|" + d + "|" + team;
  }

  /** The census from the counted keys, plus one counter per (what, date) for the breakdown. */
  static final class DecideFn extends DoFn<Map<String, Long>, Readiness> {
    private final PCollectionView<LeagueIndex> league;
    private final RunConfig config;

    DecideFn(PCollectionView<LeagueIndex> league, RunConfig config) {
      this.league = league;
      this.config = config;
    }

    @ProcessElement
    public void process(ProcessContext c) {
      LeagueIndex index = c.sideInput(league);
      Map<LocalDate, DateCensus> census = new TreeMap<>();
      census(c.element()).forEach((d, n) -> census.put(d, new DateCensus(d, n.roster(),
          n.dailyCache(), n.compositeFactors(), n.teamsPlaying(), n.teamsWithDefense(),
          index.isBootstrap(d, config.bootstrapDays()))));
      Readiness r = Readiness.of(config.safety().gate(), config.start(), config.end(), census);
      for (DateCensus d : r.dates().values()) {
        long[] v = values(d);
        for (int i = 0; i < KINDS.size(); i++) {
          if (v[i] > 0) {
            Metrics.counter(MetricNames.NAMESPACE, MetricNames.upstream(KINDS.get(i), d.date()))
                .inc(v[i]);
          }
        }
      }
      c.output(r);
    }
  }

  /** Per date: roster, cache, composite, teams playing, teams playing with a defense row. */
  static Map<LocalDate, DateCensus> census(Map<String, Long> counts) {
    Map<LocalDate, long[]> v = new TreeMap<>();
    Map<String, Boolean> playing = new HashMap<>();
    for (String k : counts.keySet()) {
      String[] p = k.split("\\|", 3);
      if (p[0].equals(TEAMS)) {
        playing.put(p[1] + "|" + p[2], true);
      }
    }
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      String[] p = e.getKey().split("\\|", 3);
      long[] a = v.computeIfAbsent(LocalDate.parse(p[1]), d -> new long[KINDS.size()]);
      if (p[0].equals(TEAMS)) {
        a[3]++;
      } else if (p[0].equals(DEFENSE)) {
        a[4] += playing.containsKey(p[1] + "|" + p[2]) ? 1 : 0;
      } else {
        a[KINDS.indexOf(p[0])] += e.getValue();
      }
    }
    Map<LocalDate, DateCensus> out = new TreeMap<>();
    v.forEach((d, a) -> out.put(d, new DateCensus(d, a[0], a[1], a[2], a[3], a[4], a[5] > 0)));
    return out;
  }

  private static long[] values(DateCensus c) {
    return new long[] {c.roster(), c.dailyCache(), c.compositeFactors(), c.teamsPlaying(),
        c.teamsWithDefense(), c.bootstrap() ? 1 : 0};
  }

  /** The census back from the {@code upstream.*} counters of a finished run. */
  public static Map<LocalDate, DateCensus> fromCounters(Map<String, Long> counters) {
    Map<LocalDate, long[]> v = new TreeMap<>();
    String prefix = MetricNames.UPSTREAM_PREFIX;
    for (Map.Entry<String, Long> e : counters.entrySet()) {
      if (!e.getKey().startsWith(prefix)) {
        continue;
      }
      String rest = e.getKey().substring(prefix.length());
      int dot = rest.lastIndexOf('.');
      int kind = KINDS.indexOf(rest.substring(0, dot));
      if (kind >= 0) {
        v.computeIfAbsent(LocalDate.parse(rest.substring(dot + 1)),
            d -> new long[KINDS.size()])[kind] += e.getValue();
      }
    }
    Map<LocalDate, DateCensus> out = new TreeMap<>();
    v.forEach((d, a) -> out.put(d, new DateCensus(d, a[0], a[1], a[2], a[3], a[4], a[5] > 0)));
    return out;
  }
}
