package com.nbaprops.mlfs.status;

import com.nbaprops.mlfs.contract.FeatureContract;
import com.nbaprops.mlfs.status.StoreStatus.DateRow;
import com.nbaprops.mlfs.status.StoreStatus.GapGroup;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report of a {@link StoreStatus}: one JSON-ready map, the text summary, the commands. */
public final class StatusReport {
  private StatusReport() {}

  /**
   * How the repair commands are written: the run's mode, its folders (absolute), and for a store
   * in BigQuery ({@code inputDir} null) the table options the Dataflow launches pass on.
   */
  public record Commands(String mode, String inputDir, String outputDir, List<String> extras) {
    public Commands(String mode, String inputDir, String outputDir) {
      this(mode, inputDir, outputDir, List.of());
    }

    /**
     * One command per range, runnable from the project root: a local run, or (BigQuery) the
     * range's launches, chained with {@code &&} in daily mode (one launch per date).
     */
    public List<String> local(List<RepairPlan.Range> ranges) {
      List<String> out = new ArrayList<>();
      if (inputDir == null) {
        for (RepairPlan.Range r : ranges) {
          out.add(String.join(" && ", flex(List.of(r))));
        }
        return out;
      }
      for (RepairPlan.Range r : ranges) {
        // Daily mode runs one date per job (chained per range); backfill one job per range.
        String folders = " --inputDir=" + inputDir + " --outputDir=" + outputDir;
        if (mode.equals("daily")) {
          List<String> days = new ArrayList<>();
          for (LocalDate d = r.start(); !d.isAfter(r.end()); d = d.plusDays(1)) {
            days.add("scripts/run-local --mode=daily --gameDate=" + d + folders);
          }
          out.add(String.join(" && ", days));
        } else {
          out.add("scripts/run-local --mode=backfill --startDate=" + r.start() + " --endDate="
              + r.end() + folders);
        }
      }
      return out;
    }

    /** Dataflow launches: a backfill per range, or (daily mode) a daily run per date. */
    public List<String> flex(List<RepairPlan.Range> ranges) {
      String tail = extras.isEmpty() ? "" : " " + String.join(" ", extras);
      List<String> out = new ArrayList<>();
      for (RepairPlan.Range r : ranges) {
        if (mode.equals("daily")) {
          for (LocalDate d = r.start(); !d.isAfter(r.end()); d = d.plusDays(1)) {
            out.add("scripts/flex-daily " + d + tail);
          }
        } else {
          out.add("scripts/flex-backfill " + r.start() + " " + r.end() + tail);
        }
      }
      return out;
    }
  }

  public static final int TOP_FEATURES = 10;
  /** Dates with health alerts the text report lists (every one is in --json). */
  static final int ALERT_DATES = 10;

  public static Map<String, Object> toMap(StoreStatus s, Commands c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("start_date", s.start.toString());
    m.put("end_date", s.end.toString());
    m.put("needs_rebuild", s.needsRebuild());
    m.put("missing_dates", s.missing.stream().map(LocalDate::toString).toList());
    m.put("stale_dates", s.stale.stream().map(LocalDate::toString).toList());
    List<Map<String, Object>> staleDetail = new ArrayList<>();
    for (DateRow d : s.dates) {
      if (s.stale.contains(d.date())) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("game_date", d.date().toString());
        x.put("found", d.versions());
        staleDetail.add(x);
      }
    }
    m.put("stale_detail", staleDetail);
    m.put("unbalanced_dates", s.unbalanced.stream().map(LocalDate::toString).toList());
    List<Map<String, Object>> ranges = new ArrayList<>();
    for (RepairPlan.Range r : s.repair) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("start", r.start().toString());
      x.put("end", r.end().toString());
      x.put("days", r.days());
      ranges.add(x);
    }
    m.put("repair_ranges", ranges);
    m.put("commands", c.local(s.repair));
    m.put("flex_commands", c.flex(s.repair));
    m.put("open_gaps", openGaps(s));
    m.put("top_defaulted_days", s.days);
    m.put("top_defaulted_features", topDefaulted(s));
    m.put("coverage", coverage(s));
    m.put("low_coverage_dates", s.lowCoverage.stream().map(LocalDate::toString).toList());
    List<Map<String, Object>> alerts = new ArrayList<>();
    s.alerts.forEach((d, a) -> {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("game_date", d.toString());
      x.put("alerts", a);
      alerts.add(x);
    });
    m.put("health_alerts", alerts);
    return m;
  }

  private static List<Map<String, Object>> openGaps(StoreStatus s) {
    List<Map<String, Object>> gaps = new ArrayList<>();
    for (GapGroup g : s.gaps.values()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("reason", g.reason);
      x.put("count", g.count);
      x.put("first_date", g.first.toString());
      x.put("last_date", g.last.toString());
      x.put("oldest_detected_at", g.oldestDetectedAt);
      x.put("expected", g.reason.equals("bootstrap"));
      gaps.add(x);
    }
    return gaps;
  }

  private static List<Map<String, Object>> topDefaulted(StoreStatus s) {
    List<Map<String, Object>> top = new ArrayList<>();
    for (int i : s.topDefaulted(TOP_FEATURES)) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("index", i);
      x.put("name", FeatureContract.feature(i).name());
      x.put("defaults", s.defaults[i]);
      x.put("players", s.defaultPlayers(i));
      top.add(x);
    }
    return top;
  }

  private static List<Map<String, Object>> coverage(StoreStatus s) {
    List<Map<String, Object>> coverage = new ArrayList<>();
    for (DateRow d : s.dates) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("game_date", d.date().toString());
      x.put("roster", d.roster());
      x.put("rows", d.rows());
      x.put("open_gaps", d.openGaps());
      x.put("quality_ready", d.qualityReady());
      x.put("quality_ready_pct", d.qualityReadyPct());
      coverage.add(x);
    }
    return coverage;
  }

  public static String format(StoreStatus s, Commands c) {
    StringBuilder sb = new StringBuilder();
    long roster = s.dates.stream().mapToLong(DateRow::roster).sum();
    long rows = s.dates.stream().mapToLong(DateRow::rows).sum();
    long ready = s.dates.stream().mapToLong(DateRow::qualityReady).sum();
    long withGames = s.dates.stream().filter(d -> d.roster() > 0).count();
    sb.append(String.format(Locale.ROOT, "Feature store status %s .. %s: %d dates with games, "
        + "roster %,d, rows %,d, quality-ready %,d (%.1f %%)%n", s.start, s.end, withGames,
        roster, rows, ready, roster == 0 ? 0.0 : 100.0 * ready / roster));
    sb.append("  missing (games, no output): ").append(list(s.missing)).append('\n');
    sb.append("  stale (other versions):     ").append(list(s.stale)).append('\n');
    sb.append("  unbalanced (rows + open gaps != roster): ").append(list(s.unbalanced))
        .append('\n');
    appendGaps(sb, s);
    sb.append(String.format(Locale.ROOT, "  most defaulted features, last %d days (defaults, "
        + "players):%n", s.days));
    for (int i : s.topDefaulted(TOP_FEATURES)) {
      sb.append(String.format(Locale.ROOT, "    #%-2d %-26s %,7d %,6d%n", i,
          FeatureContract.feature(i).name(), s.defaults[i], s.defaultPlayers(i)));
    }
    List<Double> pcts = s.dates.stream().map(DateRow::qualityReadyPct)
        .filter(java.util.Objects::nonNull).sorted().toList();
    if (!pcts.isEmpty()) {
      sb.append(String.format(Locale.ROOT, "  coverage (quality-ready %% per date): min %.1f, "
          + "median %.1f, max %.1f (per date: --json)%n", pcts.get(0),
          pcts.get(pcts.size() / 2), pcts.get(pcts.size() - 1)));
    }
    sb.append("  below the coverage gate (health coverage_ok = false): ")
        .append(list(s.lowCoverage)).append('\n');
    sb.append(String.format(Locale.ROOT, "  health alerts (feature_store_daily_health): %d "
        + "date(s)%s%n", s.alerts.size(), s.alerts.isEmpty() ? "" : ", latest first:"));
    List<LocalDate> alertDates = new ArrayList<>(s.alerts.descendingKeySet());
    for (LocalDate d : alertDates.subList(0, Math.min(ALERT_DATES, alertDates.size()))) {
      sb.append("    ").append(d).append("  ").append(String.join(", ", s.alerts.get(d)))
          .append('\n');
    }
    appendRepairPlan(sb, s, c);
    return sb.toString();
  }

  private static void appendGaps(StringBuilder sb, StoreStatus s) {
    sb.append("  open gaps by reason:\n");
    if (s.gaps.isEmpty()) {
      sb.append("    none\n");
    }
    for (GapGroup g : s.gaps.values()) {
      sb.append(String.format(Locale.ROOT, "    %-26s %,7d  %s .. %s  oldest detected %s%s%n",
          g.reason, g.count, g.first, g.last, g.oldestDetectedAt,
          g.reason.equals("bootstrap") ? "  (expected)" : ""));
    }
  }

  /** The commands that rebuild the missing, stale and unbalanced dates, locally and on Dataflow. */
  private static void appendRepairPlan(StringBuilder sb, StoreStatus s, Commands c) {
    if (s.repair.isEmpty()) {
      sb.append("Nothing to rebuild.\n");
      return;
    }
    sb.append("Repair plan (ranges merged when at most --mergeDays apart):\n");
    List<String> local = c.local(s.repair);
    for (int i = 0; i < s.repair.size(); i++) {
      RepairPlan.Range r = s.repair.get(i);
      sb.append(String.format(Locale.ROOT, "  %s .. %s (%d days)%n    %s%n", r.start(), r.end(),
          r.days(), local.get(i)));
    }
    sb.append("  on Dataflow:\n");
    for (String f : c.flex(s.repair)) {
      sb.append("    ").append(f).append('\n');
    }
  }

  private static String list(List<LocalDate> dates) {
    if (dates.isEmpty()) {
      return "none";
    }
    List<String> shown = dates.stream().limit(10).map(LocalDate::toString).toList();
    return dates.size() + " (" + String.join(", ", shown) + (dates.size() > 10 ? ", …" : "")
        + ")";
  }
}
