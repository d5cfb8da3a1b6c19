package com.nbaprops.mlfs.health;

import com.nbaprops.mlfs.contract.FeatureContract;
import com.nbaprops.mlfs.metrics.MetricNames;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The health part of the end-of-run breakdown, read from the run's counters ({@link
 * HealthCounts}, the defaults per feature and the distinct-player counts): players, quality- and
 * training-ready rows, tiers, the per-date coverage, the defaults per feature with their players,
 * and the alerts. Both sinks build it from the same counters, so it reads the same everywhere.
 */
public final class HealthSummary {
  /** Alerts printed at the end of a run; the run-history row lists them all. */
  static final int PRINTED_ALERTS = 20;

  private final Map<String, Long> counters;
  private final Double minQualityReadyPct;
  private final TreeMap<LocalDate, long[]> dates = new TreeMap<>();
  private final List<String[]> alerts = new ArrayList<>();

  public HealthSummary(Map<String, Long> counters, Double minQualityReadyPct) {
    this.counters = counters;
    this.minQualityReadyPct = minQualityReadyPct;
    String alertPrefix = MetricNames.HEALTH_ALERT_PREFIX;
    for (Map.Entry<String, Long> e : new TreeMap<>(counters).entrySet()) {
      String k = e.getKey();
      if (k.startsWith(alertPrefix)) {
        String rest = k.substring(alertPrefix.length());
        alerts.add(new String[] {rest.substring(0, 10), rest.substring(11)});
        continue;
      }
      int slot = slot(k);
      if (slot >= 0) {
        LocalDate d = LocalDate.parse(k.substring(k.length() - 10));
        dates.computeIfAbsent(d, x -> new long[4])[slot] += e.getValue();
      }
    }
  }

  private static int slot(String key) {
    String[] whats = {HealthCounts.ROSTER, HealthCounts.QUALITY_READY,
        HealthCounts.TRAINING_READY, HealthCounts.LOW_COVERAGE};
    for (int i = 0; i < whats.length; i++) {
      String p = MetricNames.HEALTH_PREFIX + whats[i] + ".";
      if (key.startsWith(p) && key.length() == p.length() + 10) {
        return i;
      }
    }
    return -1;
  }

  private long counter(String name) {
    return counters.getOrDefault(name, 0L);
  }

  /** Whether a date of the run is below {@code --minQualityReadyPct}. */
  public boolean lowCoverage() {
    return !datesBelow().isEmpty();
  }

  public List<String> datesBelow() {
    List<String> out = new ArrayList<>();
    dates.forEach((d, n) -> {
      if (n[3] > 0) {
        out.add(d.toString());
      }
    });
    return out;
  }

  /** Per date, its quality-ready share as the health row holds it. */
  public Map<LocalDate, Double> coverage() {
    Map<LocalDate, Double> out = new TreeMap<>();
    dates.forEach((d, n) -> out.put(d, HealthRules.qualityReadyPct(n[1], n[0])));
    return out;
  }

  private long sum(int slot) {
    return dates.values().stream().mapToLong(n -> n[slot]).sum();
  }

  /** The JSON-ready health section of the breakdown. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("distinct_players", counter(MetricNames.HEALTH_PLAYERS));
    m.put("quality_ready_rows", sum(1));
    m.put("training_ready_rows", sum(2));
    Map<String, Long> tiers = new TreeMap<>();
    counters.forEach((k, v) -> {
      if (k.startsWith(MetricNames.healthTier(""))) {
        tiers.put(k.substring(MetricNames.healthTier("").length()), v);
      }
    });
    m.put("tier_counts", tiers);
    m.put("coverage", coverageMap());
    m.put("defaults_by_feature", defaultsByFeature());
    List<Map<String, String>> a = new ArrayList<>();
    for (String[] x : alerts) {
      Map<String, String> one = new LinkedHashMap<>();
      one.put("game_date", x[0]);
      one.put("alert", x[1]);
      a.add(one);
    }
    m.put("alerts", a);
    return m;
  }

  private Map<String, Object> coverageMap() {
    List<Double> pcts = coverage().values().stream().filter(java.util.Objects::nonNull)
        .sorted().toList();
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("dates", pcts.size());
    c.put("min_quality_ready_pct", pcts.isEmpty() ? null : pcts.get(0));
    c.put("median_quality_ready_pct", median(pcts));
    c.put("max_quality_ready_pct", pcts.isEmpty() ? null : pcts.get(pcts.size() - 1));
    c.put("min_quality_ready_pct_gate", minQualityReadyPct);
    c.put("dates_below_gate", datesBelow());
    return c;
  }

  static Double median(List<Double> sorted) {
    if (sorted.isEmpty()) {
      return null;
    }
    int n = sorted.size();
    double m = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    return java.math.BigDecimal.valueOf(m).setScale(1, java.math.RoundingMode.HALF_EVEN)
        .doubleValue();
  }

  /** Features defaulted at least once, most defaulted first: rows and distinct players. */
  private List<Map<String, Object>> defaultsByFeature() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (FeatureContract.Feature f : FeatureContract.features()) {
      long rows = counter(MetricNames.defaults(f.index()));
      if (rows > 0) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("feature", f.index() + "_" + f.name());
        d.put("rows", rows);
        d.put("players", counter(MetricNames.healthDefaultPlayers(f.index())));
        out.add(d);
      }
    }
    out.sort(Comparator.comparing((Map<String, Object> d) -> -(long) d.get("rows")));
    return out;
  }

  /** The lines printed after the breakdown. */
  public String format() {
    StringBuilder sb = new StringBuilder();
    Map<String, Object> m = toMap();
    sb.append(String.format("%nHealth: %d distinct players, %d quality-ready rows, %d "
        + "training-ready rows, tiers %s%n", counter(MetricNames.HEALTH_PLAYERS), sum(1), sum(2),
        m.get("tier_counts")));
    @SuppressWarnings("unchecked")
    Map<String, Object> c = (Map<String, Object>) m.get("coverage");
    sb.append(String.format("  quality-ready %% of roster per date (%s dates): min %s, median %s,"
        + " max %s%n", c.get("dates"), c.get("min_quality_ready_pct"),
        c.get("median_quality_ready_pct"), c.get("max_quality_ready_pct")));
    if (minQualityReadyPct != null) {
      List<String> below = datesBelow();
      sb.append(String.format("  below --minQualityReadyPct=%s: %d date(s)%s%n",
          minQualityReadyPct, below.size(), below.isEmpty() ? ""
              : " " + String.join(", ", below.subList(0, Math.min(below.size(), 10)))
              + (below.size() > 10 ? ", ..." : "")));
    }
    sb.append(String.format("  defaults per feature, most first (rows, distinct players)%n"));
    for (Map<String, Object> d : defaultsByFeature()) {
      sb.append(String.format("    %-30s %8d %6d%n", d.get("feature"), d.get("rows"),
          d.get("players")));
    }
    sb.append(String.format("  alerts: %d%n", alerts.size()));
    for (int i = 0; i < Math.min(alerts.size(), PRINTED_ALERTS); i++) {
      sb.append(String.format("    %s  %s%n", alerts.get(i)[0], alerts.get(i)[1]));
    }
    if (alerts.size() > PRINTED_ALERTS) {
      sb.append(String.format("    ... %d more in feature_store_daily_health and the run-history "
          + "row%n", alerts.size() - PRINTED_ALERTS));
    }
    return sb.toString();
  }
}
