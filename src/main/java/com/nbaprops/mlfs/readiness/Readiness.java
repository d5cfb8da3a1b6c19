package com.nbaprops.mlfs.readiness;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The upstream readiness gate over the dates of one run, in plain Java: per date what was read
 * ({@link DateCensus}) and which rule it breaks. The rules (one place):
 * <ul>
 *   <li>a daily run's date has roster entries (a backfill date without any is an off day);
 *   <li>player_daily_cache and player_composite_factors each have at least
 *       {@code min(minUpstreamRows, ceil(roster / 2))} rows dated D (the legacy gate's 50 rows, which
 *       a one-game night of ~26 roster entries could never reach, so a small slate needs half its
 *       roster instead);
 *   <li>at least half the teams playing on D have a team_defense_zone_analysis row dated D.
 * </ul>
 * A bootstrap date (its entries all become bootstrap gaps) is checked for its roster only.
 * Whether a failing date blocks the run is {@link Policy#blocks()}: always in daily mode, under
 * {@code --strictDependencies} in backfill mode, never under {@code --skipDependencyCheck}.
 */
public record Readiness(Policy policy, Map<LocalDate, DateCensus> dates) implements Serializable {

  /** The gate's settings for one run. */
  public record Policy(boolean daily, int minUpstreamRows, boolean strict, boolean skip)
      implements Serializable {
    public static final int DEFAULT_MIN_UPSTREAM_ROWS = 50;

    /** Whether a date that breaks a rule stops the run before anything is written. */
    public boolean blocks() {
      return !skip && (daily || strict);
    }
  }

  public Readiness {
    dates = Collections.unmodifiableMap(new TreeMap<>(dates));
  }

  /** Rows dated D that each player table needs for a date with this many roster entries. */
  public static long requiredPlayerRows(Policy policy, long roster) {
    return Math.min(policy.minUpstreamRows(), (roster + 1) / 2);
  }

  /** What is wrong with one date, as messages naming the table, the date and the counts. */
  public static List<String> problems(Policy policy, DateCensus c) {
    List<String> out = new ArrayList<>();
    if (c.roster() == 0) {
      // A backfill date without games is an off day; a daily run's date must have its roster.
      if (policy.daily()) {
        out.add(c.date() + ": no roster entries (upcoming_player_game_context has no rows dated "
            + c.date() + ")");
      }
      return out;
    }
    if (c.bootstrap()) {
      return out;
    }
    long need = requiredPlayerRows(policy, c.roster());
    if (c.dailyCache() < need) {
      out.add(c.date() + ": player_daily_cache has " + c.dailyCache() + " rows dated " + c.date()
          + ", at least " + need + " needed (roster " + c.roster() + ")");
    }
    if (c.compositeFactors() < need) {
      out.add(c.date() + ": player_composite_factors has " + c.compositeFactors() + " rows dated "
          + c.date() + ", at least " + need + " needed (roster " + c.roster() + ")");
    }
    if (2 * c.teamsWithDefense() < c.teamsPlaying()) {
      out.add(c.date() + ": team_defense_zone_analysis covers " + c.teamsWithDefense() + " of the "
          + c.teamsPlaying() + " teams playing on " + c.date() + ", at least half needed");
    }
    return out;
  }

  /** Every problem of every date, in date order. */
  public List<String> problems() {
    List<String> out = new ArrayList<>();
    for (DateCensus c : dates.values()) {
      out.addAll(problems(policy, c));
    }
    return out;
  }

  /** The dates that break a rule. */
  public List<LocalDate> failingDates() {
    List<LocalDate> out = new ArrayList<>();
    for (DateCensus c : dates.values()) {
      if (!problems(policy, c).isEmpty()) {
        out.add(c.date());
      }
    }
    return out;
  }

  /** True when the run must write nothing. */
  public boolean refused() {
    return policy.blocks() && !failingDates().isEmpty();
  }

  /** Roster entries of a date (0 when the date had none). */
  public long roster(LocalDate d) {
    DateCensus c = dates.get(d);
    return c == null ? 0 : c.roster();
  }

  /** The census of every date of the range, dates without anything read included. */
  public static Readiness of(Policy policy, LocalDate start, LocalDate end,
      Map<LocalDate, DateCensus> counted) {
    Map<LocalDate, DateCensus> all = new TreeMap<>();
    for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
      all.put(d, counted.getOrDefault(d, new DateCensus(d, 0, 0, 0, 0, 0, false)));
    }
    return new Readiness(policy, all);
  }
}
