package com.nbaprops.mlfs.readiness;

import com.nbaprops.mlfs.metrics.MetricNames;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What protected the existing output in one run, for the breakdown and the run-history row (both
 * sinks build it the same way): the readiness census per date and its problems, the dates kept
 * because they have no roster now, and the warnings found before the build. Also the one place the
 * run's status is decided.
 *
 * @param kept per kept date: {feature rows, gap rows} of the output it kept
 */
public record SafetyReport(Readiness readiness, Map<LocalDate, long[]> kept,
    List<String> warnings) implements Serializable {

  public static final String SUCCEEDED = "SUCCEEDED";
  public static final String SUCCEEDED_WITH_WARNINGS = "SUCCEEDED_WITH_WARNINGS";
  /** Written, but a date is below {@code --minQualityReadyPct}: predictions should wait. */
  public static final String SUCCEEDED_LOW_COVERAGE = "SUCCEEDED_LOW_COVERAGE";
  public static final String FAILED = "FAILED";
  public static final String FAILED_UNBALANCED = "FAILED_UNBALANCED";
  public static final String FAILED_DEPENDENCIES = "FAILED_DEPENDENCIES";

  public SafetyReport {
    kept = new TreeMap<>(kept);
    warnings = List.copyOf(warnings);
  }

  /** The status of a run that finished (balanced: roster = feature rows + gaps). */
  public String status(boolean balanced) {
    return status(balanced, false);
  }

  /**
   * As {@link #status(boolean)}; {@code lowCoverage}: a date is below the coverage gate, which
   * outranks warnings (the prediction coordinator acts on it).
   */
  public String status(boolean balanced, boolean lowCoverage) {
    if (readiness.refused()) {
      return FAILED_DEPENDENCIES;
    }
    if (!balanced) {
      return FAILED_UNBALANCED;
    }
    if (lowCoverage) {
      return SUCCEEDED_LOW_COVERAGE;
    }
    return allWarnings().isEmpty() ? SUCCEEDED : SUCCEEDED_WITH_WARNINGS;
  }

  /** The warnings of the entry point plus, when the gate does not block, its failing dates. */
  public List<String> allWarnings() {
    List<String> out = new ArrayList<>(warnings);
    if (!readiness.policy().blocks() && !readiness.failingDates().isEmpty()) {
      out.add(readiness.failingDates().size() + " date(s) below the upstream readiness gate "
          + "(written anyway: " + (readiness.policy().skip() ? "--skipDependencyCheck"
          : "backfill mode without --strictDependencies") + ")");
    }
    return out;
  }

  /** Kept dates from the {@code kept.<table>.<date>} counters of a finished local run. */
  public static Map<LocalDate, long[]> keptFromCounters(Map<String, Long> counters,
      String featureTable, String gapTable) {
    Map<LocalDate, long[]> out = new TreeMap<>();
    counters.forEach((k, v) -> {
      if (!k.startsWith(MetricNames.KEPT_PREFIX)) {
        return;
      }
      String rest = k.substring(MetricNames.KEPT_PREFIX.length());
      int dot = rest.lastIndexOf('.');
      String table = rest.substring(0, dot);
      long[] a = out.computeIfAbsent(LocalDate.parse(rest.substring(dot + 1)), d -> new long[2]);
      if (table.equals(featureTable)) {
        a[0] += v;
      } else if (table.equals(gapTable)) {
        a[1] += v;
      }
    });
    return out;
  }

  /** The JSON-ready sections of the breakdown: dependencies, kept_dates, warnings. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    Map<String, Object> dep = new LinkedHashMap<>();
    Readiness.Policy p = readiness.policy();
    dep.put("min_upstream_rows", p.minUpstreamRows());
    dep.put("blocking", p.blocks());
    dep.put("refused", readiness.refused());
    Map<String, Object> dates = new LinkedHashMap<>();
    for (DateCensus c : readiness.dates().values()) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("roster", c.roster());
      d.put("player_daily_cache", c.dailyCache());
      d.put("player_composite_factors", c.compositeFactors());
      d.put("teams_playing", c.teamsPlaying());
      d.put("teams_with_defense", c.teamsWithDefense());
      d.put("bootstrap", c.bootstrap());
      dates.put(c.date().toString(), d);
    }
    dep.put("dates", dates);
    dep.put("problems", readiness.problems());
    m.put("dependencies", dep);
    List<Map<String, Object>> keptList = new ArrayList<>();
    kept.forEach((d, n) -> {
      Map<String, Object> k = new LinkedHashMap<>();
      k.put("game_date", d.toString());
      k.put("feature_rows", n[0]);
      k.put("gap_rows", n[1]);
      keptList.add(k);
    });
    m.put("kept_dates", keptList);
    m.put("warnings", allWarnings());
    return m;
  }

  /** The lines printed after the breakdown: problems, kept dates, warnings (nothing when clean). */
  public String format() {
    StringBuilder sb = new StringBuilder();
    List<String> problems = readiness.problems();
    long withRoster = readiness.dates().values().stream().filter(c -> c.roster() > 0).count();
    sb.append(String.format("%nUpstream readiness: %d date(s) with roster, %d below the gate%s%n",
        withRoster, readiness.failingDates().size(),
        readiness.refused() ? " (run refused: nothing written)" : ""));
    int shown = 0;
    for (String problem : problems) {
      if (shown++ == 20) {
        sb.append(String.format("  ... %d more in the run-history row (dependencies)%n",
            problems.size() - 20));
        break;
      }
      sb.append("  ").append(problem).append(System.lineSeparator());
    }
    if (!kept.isEmpty()) {
      sb.append(String.format("%nKept dates (no roster now; existing output kept, pass "
          + "--replaceEmptyDates to clear them)%n"));
      kept.forEach((d, n) -> sb.append(String.format("  %s  %d feature rows, %d gap rows%n", d,
          n[0], n[1])));
    }
    for (String w : allWarnings()) {
      sb.append("warning: ").append(w).append(System.lineSeparator());
    }
    return sb.toString();
  }
}
