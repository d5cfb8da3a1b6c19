package com.nbaprops.mlfs.features;

import static com.nbaprops.mlfs.contract.SourceLabel.CALCULATED;
import static com.nbaprops.mlfs.contract.SourceLabel.MINUTES_PPM;
import static com.nbaprops.mlfs.contract.SourceLabel.OPPONENT_HISTORY;
import static com.nbaprops.mlfs.contract.SourceLabel.PHASE3;
import static com.nbaprops.mlfs.contract.SourceLabel.PHASE4;
import static com.nbaprops.mlfs.contract.SourceLabel.VEGAS;

import com.nbaprops.mlfs.contract.FeatureContract;
import com.nbaprops.mlfs.contract.SourceLabel;
import com.nbaprops.mlfs.history.LeagueIndex;
import com.nbaprops.mlfs.history.LeagueIndex.TeamSchedule;
import com.nbaprops.mlfs.history.PlayerInputs;
import com.nbaprops.mlfs.model.CompositeFactorsRow;
import com.nbaprops.mlfs.model.DailyCacheRow;
import com.nbaprops.mlfs.model.GameContextRow;
import com.nbaprops.mlfs.model.PlayerGameRow;
import com.nbaprops.mlfs.model.ShotZoneRow;
import com.nbaprops.mlfs.model.TeamDefenseRow;
import com.nbaprops.mlfs.util.Decimals;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Builds the 37-feature vector of one roster entry exactly as {@code feature-contract.md} says.
 * Pure Java: no Beam types, no clock, no randomness. Every stored value is rounded half-even to 9 dp;
 * values compared with thresholds are rounded before the comparison.
 */
public final class FeatureBuilder {
  private FeatureBuilder() {}

  public static FeatureVector build(PlayerInputs in, LeagueIndex league) {
    double[] v = new double[FeatureContract.FEATURE_COUNT];
    SourceLabel[] l = new SourceLabel[FeatureContract.FEATURE_COUNT];
    LocalDate d = in.gameDate();
    DailyCacheRow cache = in.cache();
    CompositeFactorsRow comp = in.composite();
    ShotZoneRow zone = in.shotZone();
    GameContextRow ctx = in.context();
    List<PlayerGameRow> r10 = in.r10();
    List<PlayerGameRow> p10 = new ArrayList<>();
    for (PlayerGameRow r : r10) {
      if (r.played()) {
        p10.add(r);
      }
    }
    String team = in.roster().teamAbbr();
    String opponent = in.roster().opponentTeamAbbr();
    int season = com.nbaprops.mlfs.contract.Seasons.seasonOf(d);
    Slots set = new Slots(v, l);

    // 0-4: player history, cache first, then box scores.
    if (!set.ifPresent(0, cache == null ? null : cache.pointsAvgLast5(), PHASE4)) {
      set.ifPresent(0, meanPoints(p10.subList(0, Math.min(5, p10.size()))), PHASE3);
    }
    if (!set.ifPresent(1, cache == null ? null : cache.pointsAvgLast10(), PHASE4)) {
      set.ifPresent(1, meanPoints(p10), PHASE3);
    }
    if (!set.ifPresent(2, cache == null ? null : cache.pointsAvgSeason(), PHASE4)) {
      set.ifPresent(2, in.seasonPointsMean(), PHASE3);
    }
    if (!set.ifPresent(3, cache == null ? null : cache.pointsStdLast10(), PHASE4)) {
      set.ifPresent(3, sampleStdPoints(p10), PHASE3);
    }
    Long g7 = cache == null ? null : cache.gamesInLast7Days();
    if (!set.ifPresent(4, g7 == null ? null : g7.doubleValue(), PHASE4) && !r10.isEmpty()) {
      set.ifPresent(4, in.playedLast7Days().doubleValue(), PHASE3);
    }

    for (int i = 0; i <= 4; i++) {
      set.fillDefault(i); // #29 and #35/#36 read the final values of #0, #2 and #3.
    }

    // 5-8: composite factors. Only the picked (as-of) row is validated.
    if (comp != null && comp.fatigueScore() != null) {
      long f = comp.fatigueScore();
      if (f < 0 || f > 100) {
        throw new FeatureValidationException("fatigue_score " + f + " outside [0, 100] in "
            + "player_composite_factors row of " + comp.playerLookup() + " dated "
            + comp.gameDate());
      }
      set.ifPresent(5, (double) f, PHASE4);
    }
    boolean compToday = comp != null && comp.gameDate().equals(d);
    if (compToday) {
      set.ifPresent(6, comp.shotZoneMismatchScore(), PHASE4);
      set.ifPresent(7, comp.paceScore(), PHASE4);
    }
    if (comp != null) {
      set.ifPresent(8, comp.usageSpikeScore(), PHASE4);
    }

    // 9: rest advantage from the context row; a NULL rest field counts as no context row for #9
    // (contract, "Roster"), so then both sides come from the team schedule.
    Long rest;
    Long oppRest;
    if (ctx != null && ctx.daysRest() != null && ctx.opponentDaysRest() != null) {
      rest = ctx.daysRest();
      oppRest = ctx.opponentDaysRest();
    } else {
      rest = league.schedule(team).daysSincePrevious(d);
      oppRest = league.schedule(opponent).daysSincePrevious(d);
    }
    if (rest != null && oppRest != null) {
      set.value(9, clamp(rest - oppRest, -2, 2), CALCULATED);
    }

    // 10: injury risk from the context status.
    if (ctx != null && ctx.playerStatus() != null) {
      set.value(10, injuryRisk(ctx.playerStatus()), CALCULATED);
    }

    // 11: recent trend over R10 (NULL points count as 0).
    if (r10.size() >= 5) {
      long a = 0;
      long b = 0;
      for (int i = 0; i < 3; i++) {
        a += pointsOrZero(r10.get(i));
      }
      for (int i = 3; i < 5; i++) {
        b += pointsOrZero(r10.get(i));
      }
      // d = b/2 - a/3 = (3b - 2a) / 6, exactly.
      double delta = ratio(3 * b - 2 * a, 6);
      set.value(11, bucket(delta, 5, 2), CALCULATED);
    }

    // 12: minutes change, recent (cache, else P10) against the season.
    Double recent = cache == null ? null : cache.minutesAvgLast10();
    if (recent == null) {
      recent = meanMinutes(p10);
    }
    Double seasonMinutes = in.seasonMinutesMean();
    if (recent != null && seasonMinutes != null && recent != 0 && seasonMinutes != 0) {
      BigDecimal pct = BigDecimal.valueOf(recent).subtract(BigDecimal.valueOf(seasonMinutes))
          .divide(BigDecimal.valueOf(seasonMinutes), MathContext.DECIMAL64);
      set.value(12, bucket(Decimals.round9(pct.doubleValue()), 0.20, 0.10), CALCULATED);
    } else {
      set.value(12, 0.0, CALCULATED);
    }

    // 13-14: opponent defense as of D within 7 days.
    TeamDefenseRow def = league.defenseAsOf(opponent, d);
    if (def != null) {
      set.ifPresent(13, def.defensiveRatingLast15(), PHASE4);
      set.ifPresent(14, def.opponentPace(), PHASE4);
    }

    // 15-17: game context, else the schedule and roster.
    if (ctx != null && ctx.homeGame() != null) {
      set.value(15, ctx.homeGame() ? 1 : 0, PHASE3);
    } else if (in.roster().rosterHome() != null) {
      set.value(15, in.roster().rosterHome() ? 1 : 0, CALCULATED);
    }
    if (ctx != null && ctx.backToBack() != null) {
      set.value(16, ctx.backToBack() ? 1 : 0, PHASE3);
    } else {
      boolean b2b = in.previousGameDate() != null && in.previousGameDate().equals(d.minusDays(1));
      set.value(16, b2b ? 1 : 0, CALCULATED);
    }
    if (ctx != null && ctx.seasonPhase() != null) {
      set.value(17, ctx.seasonPhase().equalsIgnoreCase("playoffs") ? 1 : 0, PHASE3);
    }

    // 18-20: shot-zone shares.
    if (!set.ifPresent(18, percent(zone == null ? null : zone.paintRateLast10()), PHASE4)
        && !set.ifPresent(18, percent(cache == null ? null : cache.paintRateLast10()), PHASE4)) {
      set.ifPresent(18, share(p10, PlayerGameRow::paintAttempts), PHASE3);
    }
    if (!set.ifPresent(19, percent(zone == null ? null : zone.midRangeRateLast10()), PHASE4)) {
      set.ifPresent(19, share(p10, PlayerGameRow::midRangeAttempts), PHASE3);
    }
    if (!set.ifPresent(20, percent(zone == null ? null : zone.threePtRateLast10()), PHASE4)
        && !set.ifPresent(20, percent(cache == null ? null : cache.threePtRateLast10()), PHASE4)) {
      set.ifPresent(20, share(p10, PlayerGameRow::threePtAttempts), PHASE3);
    }

    // 21: free-throw share of points over R10.
    if (r10.size() >= 5) {
      long ft = 0;
      long pts = 0;
      for (PlayerGameRow r : r10) {
        ft += r.ftMakes() == null ? 0 : r.ftMakes();
        pts += pointsOrZero(r);
      }
      double share = pts == 0 ? 0.15 : ratio(ft, pts);
      set.value(21, clamp(share, 0, 0.5), CALCULATED);
    }

    // 22-24: team context.
    TeamSchedule schedule = league.schedule(team);
    Double[] teamMeans = null;
    if (!set.ifPresent(22, cache == null ? null : cache.teamPaceLast10(), PHASE4)) {
      teamMeans = schedule.last10Means(d);
      set.ifPresent(22, teamMeans[0], PHASE3);
    }
    if (!set.ifPresent(23, cache == null ? null : cache.teamOffRatingLast10(), PHASE4)) {
      teamMeans = teamMeans == null ? schedule.last10Means(d) : teamMeans;
      set.ifPresent(23, teamMeans[1], PHASE3);
    }
    long[] record = schedule.seasonRecord(season, d);
    if (record[0] >= 5) {
      set.value(24, ratio(record[1], record[0]), CALCULATED);
    }

    // 25-28: vegas lines.
    if (in.vegas() != null && in.vegas().hasLine()) {
      double current = Decimals.round9(in.vegas().current());
      double opening = Decimals.round9(in.vegas().opening());
      set.value(25, current, VEGAS);
      set.value(26, opening, VEGAS);
      set.value(27, BigDecimal.valueOf(current).subtract(BigDecimal.valueOf(opening))
          .doubleValue(), VEGAS);
      set.value(28, 1, CALCULATED);
    } else {
      set.value(28, 0, CALCULATED);
    }

    // 29-30: opponent history.
    if (!set.ifPresent(29, in.pointsVsOpponentMean(), OPPONENT_HISTORY)) {
      set.value(29, v[2], SourceLabel.DEFAULT);
    }
    set.value(30, in.gamesVsOpponent(), OPPONENT_HISTORY);

    // 31-32: minutes and points per minute over the last 30 days.
    set.ifPresent(31, in.minutes30Mean(), MINUTES_PPM);
    set.ifPresent(32, in.ppm30Mean(), MINUTES_PPM);

    // 33-34: DNP rate and points slope over R10.
    if (r10.size() >= 3) {
      long dnp = r10.stream().filter(PlayerGameRow::dnp).count();
      set.value(33, ratio(dnp, r10.size()), CALCULATED);
    }
    if (r10.size() >= 5) {
      set.value(34, slopeOldestFirst(r10), CALCULATED);
    }

    // 35-36: from the stored values of 0, 2, 3 when none is a default.
    boolean inputsReal = !l[0].isDefault() && !l[2].isDefault() && !l[3].isDefault();
    double l5 = v[0];
    double seasonAvg = v[2];
    double std = v[3];
    if (inputsReal && std != 0) {
      double z = BigDecimal.valueOf(l5).subtract(BigDecimal.valueOf(seasonAvg))
          .divide(BigDecimal.valueOf(std), MathContext.DECIMAL64).doubleValue();
      set.value(35, clamp(Decimals.round9(z), -3, 3), CALCULATED);
    } else {
      set.value(35, 0, CALCULATED);
    }
    if (inputsReal) {
      double threshold = Decimals.round9(BigDecimal.valueOf(seasonAvg)
          .add(BigDecimal.valueOf(std).multiply(BigDecimal.valueOf(1.5))).doubleValue());
      set.value(36, l5 > threshold ? 1 : 0, CALCULATED);
    } else {
      set.value(36, 0, CALCULATED);
    }

    set.fillDefaults();
    return new FeatureVector(v, l, rest);
  }

  // ---------------------------------------------------------------- helpers (package-visible for tests)

  static double injuryRisk(String status) {
    switch (status.toLowerCase(Locale.ROOT)) {
      case "probable":
        return 1;
      case "questionable":
        return 2;
      case "doubtful":
      case "out":
        return 3;
      default:
        return 0;
    }
  }

  /** ≥ hi → 2, ≥ lo → 1, ≤ −hi → −2, ≤ −lo → −1, else 0 (on the 9-dp value). */
  static double bucket(double x, double hi, double lo) {
    double r = Decimals.round9(x);
    if (r >= hi) {
      return 2;
    } else if (r >= lo) {
      return 1;
    } else if (r <= -hi) {
      return -2;
    } else if (r <= -lo) {
      return -1;
    }
    return 0;
  }

  static double clamp(double x, double lo, double hi) {
    return Math.max(lo, Math.min(hi, x));
  }

  /** num / den rounded half-even to 9 dp, computed in decimal. */
  static double ratio(long num, long den) {
    return BigDecimal.valueOf(num).divide(BigDecimal.valueOf(den), MathContext.DECIMAL128)
        .setScale(9, java.math.RoundingMode.HALF_EVEN).doubleValue();
  }

  private static long pointsOrZero(PlayerGameRow r) {
    return r.points() == null ? 0 : r.points();
  }

  static Double meanPoints(List<PlayerGameRow> rows) {
    long sum = 0;
    long n = 0;
    for (PlayerGameRow r : rows) {
      if (r.points() != null) {
        sum += r.points();
        n++;
      }
    }
    return n == 0 ? null : ratio(sum, n);
  }

  static Double meanMinutes(List<PlayerGameRow> rows) {
    BigDecimal sum = BigDecimal.ZERO;
    int n = 0;
    for (PlayerGameRow r : rows) {
      if (r.minutesPlayed() != null) {
        sum = sum.add(BigDecimal.valueOf(r.minutesPlayed()));
        n++;
      }
    }
    return Decimals.mean(sum, n);
  }

  /** Sample standard deviation (n − 1) of non-NULL points; null with fewer than 2 values. */
  static Double sampleStdPoints(List<PlayerGameRow> rows) {
    long n = 0;
    long sum = 0;
    long sumSq = 0;
    for (PlayerGameRow r : rows) {
      if (r.points() != null) {
        n++;
        sum += r.points();
        sumSq += r.points() * r.points();
      }
    }
    if (n < 2) {
      return null;
    }
    // variance = (n Σx² − (Σx)²) / (n (n − 1)), exact in integers before the square root.
    BigDecimal var = BigDecimal.valueOf(n * sumSq - sum * sum)
        .divide(BigDecimal.valueOf(n * (n - 1)), MathContext.DECIMAL128);
    return var.sqrt(MathContext.DECIMAL64).doubleValue();
  }

  /** Σpart / Σfg_attempts over rows where both are non-NULL; null when Σfg is 0. */
  static Double share(List<PlayerGameRow> p10, Function<PlayerGameRow, Long> part) {
    long num = 0;
    long den = 0;
    for (PlayerGameRow r : p10) {
      Long fg = r.fgAttempts();
      Long x = part.apply(r);
      if (fg != null && x != null) {
        num += x;
        den += fg;
      }
    }
    return den > 0 ? ratio(num, den) : null;
  }

  /** Least-squares slope of points (NULL → 0) over R10 taken oldest first, x = 0 … n−1. */
  static double slopeOldestFirst(List<PlayerGameRow> newestFirst) {
    int n = newestFirst.size();
    long sx = 0;
    long sy = 0;
    long sxx = 0;
    long sxy = 0;
    for (int x = 0; x < n; x++) {
      long y = pointsOrZero(newestFirst.get(n - 1 - x));
      sx += x;
      sy += y;
      sxx += (long) x * x;
      sxy += x * y;
    }
    return ratio(n * sxy - sx * sy, n * sxx - sx * sx);
  }

  private static Double percent(Double rate) {
    return rate == null
        ? null
        : BigDecimal.valueOf(rate).divide(BigDecimal.valueOf(100), MathContext.DECIMAL64)
            .doubleValue();
  }

  /** Writes values and labels; whatever is unset at the end takes the contract's default. */
  private static final class Slots {
    private final double[] v;
    private final SourceLabel[] l;

    Slots(double[] v, SourceLabel[] l) {
      this.v = v;
      this.l = l;
    }

    boolean ifPresent(int i, Double value, SourceLabel label) {
      if (value == null) {
        return false;
      }
      value(i, value, label);
      return true;
    }

    void value(int i, double value, SourceLabel label) {
      if (Double.isNaN(value) || Double.isInfinite(value)) {
        throw new IllegalStateException("feature " + i + " ("
            + FeatureContract.feature(i).name() + ") is not finite: " + value);
      }
      v[i] = Decimals.round9(value);
      l[i] = label;
    }

    void fillDefaults() {
      for (int i = 0; i < v.length; i++) {
        fillDefault(i);
      }
    }

    /** Gives feature i the contract's default when no source set it. */
    void fillDefault(int i) {
      if (l[i] != null) {
        return;
      }
      FeatureContract.Feature f = FeatureContract.feature(i);
      if (f.defaultLabel() == null) {
        // Only #15 can get here: neither a context home flag nor a readable game id.
        v[i] = 0.0;
        l[i] = SourceLabel.DEFAULT;
      } else {
        v[i] = f.defaultValue();
        l[i] = f.defaultLabel();
      }
    }
  }
}
