package com.nbaprops.mlfs.features;

import static com.nbaprops.mlfs.contract.FeatureContract.AVG_POINTS_VS_OPPONENT;
import static com.nbaprops.mlfs.contract.FeatureContract.BACK_TO_BACK;
import static com.nbaprops.mlfs.contract.FeatureContract.BREAKOUT_FLAG;
import static com.nbaprops.mlfs.contract.FeatureContract.DNP_RATE;
import static com.nbaprops.mlfs.contract.FeatureContract.FATIGUE_SCORE;
import static com.nbaprops.mlfs.contract.FeatureContract.GAMES_IN_LAST_7_DAYS;
import static com.nbaprops.mlfs.contract.FeatureContract.GAMES_VS_OPPONENT;
import static com.nbaprops.mlfs.contract.FeatureContract.HAS_VEGAS_LINE;
import static com.nbaprops.mlfs.contract.FeatureContract.HOME_AWAY;
import static com.nbaprops.mlfs.contract.FeatureContract.INJURY_RISK;
import static com.nbaprops.mlfs.contract.FeatureContract.MINUTES_AVG_LAST_10;
import static com.nbaprops.mlfs.contract.FeatureContract.MINUTES_CHANGE;
import static com.nbaprops.mlfs.contract.FeatureContract.OPPONENT_DEF_RATING;
import static com.nbaprops.mlfs.contract.FeatureContract.OPPONENT_PACE;
import static com.nbaprops.mlfs.contract.FeatureContract.PACE_SCORE;
import static com.nbaprops.mlfs.contract.FeatureContract.PCT_FREE_THROW;
import static com.nbaprops.mlfs.contract.FeatureContract.PCT_MID_RANGE;
import static com.nbaprops.mlfs.contract.FeatureContract.PCT_PAINT;
import static com.nbaprops.mlfs.contract.FeatureContract.PCT_THREE;
import static com.nbaprops.mlfs.contract.FeatureContract.PLAYOFF_GAME;
import static com.nbaprops.mlfs.contract.FeatureContract.POINTS_AVG_LAST_10;
import static com.nbaprops.mlfs.contract.FeatureContract.POINTS_AVG_LAST_5;
import static com.nbaprops.mlfs.contract.FeatureContract.POINTS_AVG_SEASON;
import static com.nbaprops.mlfs.contract.FeatureContract.POINTS_STD_LAST_10;
import static com.nbaprops.mlfs.contract.FeatureContract.PPM_AVG_LAST_10;
import static com.nbaprops.mlfs.contract.FeatureContract.PTS_SLOPE_10G;
import static com.nbaprops.mlfs.contract.FeatureContract.PTS_VS_SEASON_ZSCORE;
import static com.nbaprops.mlfs.contract.FeatureContract.RECENT_TREND;
import static com.nbaprops.mlfs.contract.FeatureContract.REST_ADVANTAGE;
import static com.nbaprops.mlfs.contract.FeatureContract.SHOT_ZONE_MISMATCH_SCORE;
import static com.nbaprops.mlfs.contract.FeatureContract.TEAM_OFF_RATING;
import static com.nbaprops.mlfs.contract.FeatureContract.TEAM_PACE;
import static com.nbaprops.mlfs.contract.FeatureContract.TEAM_WIN_PCT;
import static com.nbaprops.mlfs.contract.FeatureContract.USAGE_SPIKE_SCORE;
import static com.nbaprops.mlfs.contract.FeatureContract.VEGAS_LINE_MOVE;
import static com.nbaprops.mlfs.contract.FeatureContract.VEGAS_OPENING_LINE;
import static com.nbaprops.mlfs.contract.FeatureContract.VEGAS_POINTS_LINE;
import static com.nbaprops.mlfs.contract.SourceLabel.CALCULATED;
import static com.nbaprops.mlfs.contract.SourceLabel.MINUTES_PPM;
import static com.nbaprops.mlfs.contract.SourceLabel.OPPONENT_HISTORY;
import static com.nbaprops.mlfs.contract.SourceLabel.PHASE3;
import static com.nbaprops.mlfs.contract.SourceLabel.PHASE4;
import static com.nbaprops.mlfs.contract.SourceLabel.VEGAS;
import static com.nbaprops.mlfs.features.FeatureMath.bucket;
import static com.nbaprops.mlfs.features.FeatureMath.clamp;
import static com.nbaprops.mlfs.features.FeatureMath.percent;
import static com.nbaprops.mlfs.features.FeatureMath.pointsOrZero;
import static com.nbaprops.mlfs.features.FeatureMath.ratio;

import com.nbaprops.mlfs.contract.FeatureContract;
import com.nbaprops.mlfs.contract.Seasons;
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

/**
 * Builds the 37-feature vector of one roster entry exactly as {@code feature-contract.md} says, one
 * method per contract group (0–4, 5–8, 9–17, 18–21, 22–24, 25–28, 29–36). Pure Java: no Beam types,
 * no clock, no randomness. Every stored value is rounded half-even to 9 dp; values compared with
 * thresholds are rounded before the comparison.
 */
public final class FeatureBuilder {
  private final PlayerInputs in;
  private final LeagueIndex league;
  private final LocalDate d;
  private final DailyCacheRow cache;
  private final GameContextRow ctx;
  private final List<PlayerGameRow> r10;
  /** The played rows of R10. */
  private final List<PlayerGameRow> p10 = new ArrayList<>();
  private final Slots set;
  private Long rest;

  private FeatureBuilder(PlayerInputs in, LeagueIndex league) {
    this.in = in;
    this.league = league;
    this.d = in.gameDate();
    this.cache = in.cache();
    this.ctx = in.context();
    this.r10 = in.r10();
    for (PlayerGameRow r : r10) {
      if (r.played()) {
        p10.add(r);
      }
    }
    this.set = new Slots(new double[FeatureContract.FEATURE_COUNT],
        new SourceLabel[FeatureContract.FEATURE_COUNT]);
  }

  public static FeatureVector build(PlayerInputs in, LeagueIndex league) {
    FeatureBuilder b = new FeatureBuilder(in, league);
    b.playerHistory();
    b.compositeFactors();
    b.gameContext();
    b.shotProfile();
    b.teamContext();
    b.vegas();
    b.derived();
    b.set.fillDefaults();
    double[] values = new double[FeatureContract.FEATURE_COUNT];
    SourceLabel[] labels = new SourceLabel[FeatureContract.FEATURE_COUNT];
    for (int i = 0; i < values.length; i++) {
      values[i] = b.set.get(i);
      labels[i] = b.set.label(i);
    }
    return new FeatureVector(values, labels, b.rest);
  }

  private Double fromCache(java.util.function.Function<DailyCacheRow, Double> field) {
    return cache == null ? null : field.apply(cache);
  }

  /** 0–4: player history, cache first, then box scores. */
  private void playerHistory() {
    if (!set.ifPresent(POINTS_AVG_LAST_5, fromCache(DailyCacheRow::pointsAvgLast5), PHASE4)) {
      set.ifPresent(POINTS_AVG_LAST_5,
          FeatureMath.meanPoints(p10.subList(0, Math.min(5, p10.size()))), PHASE3);
    }
    if (!set.ifPresent(POINTS_AVG_LAST_10, fromCache(DailyCacheRow::pointsAvgLast10), PHASE4)) {
      set.ifPresent(POINTS_AVG_LAST_10, FeatureMath.meanPoints(p10), PHASE3);
    }
    if (!set.ifPresent(POINTS_AVG_SEASON, fromCache(DailyCacheRow::pointsAvgSeason), PHASE4)) {
      set.ifPresent(POINTS_AVG_SEASON, in.seasonPointsMean(), PHASE3);
    }
    if (!set.ifPresent(POINTS_STD_LAST_10, fromCache(DailyCacheRow::pointsStdLast10), PHASE4)) {
      set.ifPresent(POINTS_STD_LAST_10, FeatureMath.sampleStdPoints(p10), PHASE3);
    }
    Long g7 = cache == null ? null : cache.gamesInLast7Days();
    if (!set.ifPresent(GAMES_IN_LAST_7_DAYS, g7 == null ? null : g7.doubleValue(), PHASE4)
        && !r10.isEmpty()) {
      set.ifPresent(GAMES_IN_LAST_7_DAYS, in.playedLast7Days().doubleValue(), PHASE3);
    }
    // #29 and #35/#36 read the final values of #0, #2 and #3.
    for (int i = POINTS_AVG_LAST_5; i <= GAMES_IN_LAST_7_DAYS; i++) {
      set.fillDefault(i);
    }
  }

  /** 5–8: composite factors. Only the picked (as-of) row is validated. */
  private void compositeFactors() {
    CompositeFactorsRow comp = in.composite();
    if (comp == null) {
      return;
    }
    if (comp.fatigueScore() != null) {
      long f = comp.fatigueScore();
      if (f < 0 || f > 100) {
        throw new FeatureValidationException("fatigue_score " + f + " outside [0, 100] in "
            + "player_composite_factors row of " + comp.playerLookup() + " dated "
            + comp.gameDate());
      }
      set.ifPresent(FATIGUE_SCORE, (double) f, PHASE4);
    }
    if (comp.gameDate().equals(d)) {
      set.ifPresent(SHOT_ZONE_MISMATCH_SCORE, comp.shotZoneMismatchScore(), PHASE4);
      set.ifPresent(PACE_SCORE, comp.paceScore(), PHASE4);
    }
    set.ifPresent(USAGE_SPIKE_SCORE, comp.usageSpikeScore(), PHASE4);
  }

  /** 9–17: rest, injury, trend, minutes change, opponent defense, home, back-to-back, playoffs. */
  private void gameContext() {
    restAdvantage();
    if (ctx != null && ctx.playerStatus() != null) {
      set.value(INJURY_RISK, FeatureMath.injuryRisk(ctx.playerStatus()), CALCULATED);
    }
    if (r10.size() >= 5) {
      // NULL points count as 0; d = b/2 - a/3 = (3b - 2a) / 6, exactly.
      long a = 0;
      long b = 0;
      for (int i = 0; i < 3; i++) {
        a += pointsOrZero(r10.get(i));
      }
      for (int i = 3; i < 5; i++) {
        b += pointsOrZero(r10.get(i));
      }
      set.value(RECENT_TREND, bucket(ratio(3 * b - 2 * a, 6), 5, 2), CALCULATED);
    }
    minutesChange();
    TeamDefenseRow def = league.defenseAsOf(in.roster().opponentTeamAbbr(), d);
    if (def != null) {
      set.ifPresent(OPPONENT_DEF_RATING, def.defensiveRatingLast15(), PHASE4);
      set.ifPresent(OPPONENT_PACE, def.opponentPace(), PHASE4);
    }
    if (ctx != null && ctx.homeGame() != null) {
      set.value(HOME_AWAY, ctx.homeGame() ? 1 : 0, PHASE3);
    } else if (in.roster().rosterHome() != null) {
      set.value(HOME_AWAY, in.roster().rosterHome() ? 1 : 0, CALCULATED);
    }
    if (ctx != null && ctx.backToBack() != null) {
      set.value(BACK_TO_BACK, ctx.backToBack() ? 1 : 0, PHASE3);
    } else {
      boolean b2b = in.previousGameDate() != null && in.previousGameDate().equals(d.minusDays(1));
      set.value(BACK_TO_BACK, b2b ? 1 : 0, CALCULATED);
    }
    if (ctx != null && ctx.seasonPhase() != null) {
      set.value(PLAYOFF_GAME, ctx.seasonPhase().equalsIgnoreCase("playoffs") ? 1 : 0, PHASE3);
    }
  }

  /**
   * 9: rest advantage from the context row; a NULL rest field counts as no context row for #9
   * (contract, "Roster"), so then both sides come from the team schedule.
   */
  private void restAdvantage() {
    Long oppRest;
    if (ctx != null && ctx.daysRest() != null && ctx.opponentDaysRest() != null) {
      rest = ctx.daysRest();
      oppRest = ctx.opponentDaysRest();
    } else {
      rest = league.schedule(in.roster().teamAbbr()).daysSincePrevious(d);
      oppRest = league.schedule(in.roster().opponentTeamAbbr()).daysSincePrevious(d);
    }
    if (rest != null && oppRest != null) {
      set.value(REST_ADVANTAGE, clamp(rest - oppRest, -2, 2), CALCULATED);
    }
  }

  /** 12: minutes change, recent (cache, else P10) against the season. */
  private void minutesChange() {
    Double recent = cache == null ? null : cache.minutesAvgLast10();
    if (recent == null) {
      recent = FeatureMath.meanMinutes(p10);
    }
    Double seasonMinutes = in.seasonMinutesMean();
    if (recent != null && seasonMinutes != null && recent != 0 && seasonMinutes != 0) {
      BigDecimal pct = BigDecimal.valueOf(recent).subtract(BigDecimal.valueOf(seasonMinutes))
          .divide(BigDecimal.valueOf(seasonMinutes), MathContext.DECIMAL64);
      set.value(MINUTES_CHANGE, bucket(Decimals.round9(pct.doubleValue()), 0.20, 0.10),
          CALCULATED);
    } else {
      set.value(MINUTES_CHANGE, 0.0, CALCULATED);
    }
  }

  /** 18–21: shot-zone shares (shot zone, else cache, else P10) and the free-throw share. */
  private void shotProfile() {
    ShotZoneRow zone = in.shotZone();
    if (!set.ifPresent(PCT_PAINT, percent(zone == null ? null : zone.paintRateLast10()), PHASE4)
        && !set.ifPresent(PCT_PAINT, percent(fromCache(DailyCacheRow::paintRateLast10)), PHASE4)) {
      set.ifPresent(PCT_PAINT, FeatureMath.share(p10, PlayerGameRow::paintAttempts), PHASE3);
    }
    if (!set.ifPresent(PCT_MID_RANGE, percent(zone == null ? null : zone.midRangeRateLast10()),
        PHASE4)) {
      set.ifPresent(PCT_MID_RANGE, FeatureMath.share(p10, PlayerGameRow::midRangeAttempts),
          PHASE3);
    }
    if (!set.ifPresent(PCT_THREE, percent(zone == null ? null : zone.threePtRateLast10()), PHASE4)
        && !set.ifPresent(PCT_THREE, percent(fromCache(DailyCacheRow::threePtRateLast10)),
            PHASE4)) {
      set.ifPresent(PCT_THREE, FeatureMath.share(p10, PlayerGameRow::threePtAttempts), PHASE3);
    }
    if (r10.size() >= 5) {
      long ft = 0;
      long pts = 0;
      for (PlayerGameRow r : r10) {
        ft += r.ftMakes() == null ? 0 : r.ftMakes();
        pts += pointsOrZero(r);
      }
      double share = pts == 0 ? 0.15 : ratio(ft, pts);
      set.value(PCT_FREE_THROW, clamp(share, 0, 0.5), CALCULATED);
    }
  }

  /** 22–24: team pace and offensive rating (cache, else last 10 games), season win share. */
  private void teamContext() {
    TeamSchedule schedule = league.schedule(in.roster().teamAbbr());
    Double[] teamMeans = null;
    if (!set.ifPresent(TEAM_PACE, fromCache(DailyCacheRow::teamPaceLast10), PHASE4)) {
      teamMeans = schedule.last10Means(d);
      set.ifPresent(TEAM_PACE, teamMeans[0], PHASE3);
    }
    if (!set.ifPresent(TEAM_OFF_RATING, fromCache(DailyCacheRow::teamOffRatingLast10), PHASE4)) {
      teamMeans = teamMeans == null ? schedule.last10Means(d) : teamMeans;
      set.ifPresent(TEAM_OFF_RATING, teamMeans[1], PHASE3);
    }
    long[] record = schedule.seasonRecord(Seasons.seasonOf(d), d);
    if (record[0] >= 5) {
      set.value(TEAM_WIN_PCT, ratio(record[1], record[0]), CALCULATED);
    }
  }

  /** 25–28: the pre-tip points line, the opening line, their move, and whether there is one. */
  private void vegas() {
    if (in.vegas() != null && in.vegas().hasLine()) {
      double current = Decimals.round9(in.vegas().current());
      double opening = Decimals.round9(in.vegas().opening());
      set.value(VEGAS_POINTS_LINE, current, VEGAS);
      set.value(VEGAS_OPENING_LINE, opening, VEGAS);
      set.value(VEGAS_LINE_MOVE, BigDecimal.valueOf(current).subtract(BigDecimal.valueOf(opening))
          .doubleValue(), VEGAS);
      set.value(HAS_VEGAS_LINE, 1, CALCULATED);
    } else {
      set.value(HAS_VEGAS_LINE, 0, CALCULATED);
    }
  }

  /** 29–36: opponent history, minutes and points per minute, DNP rate, slope, z-score, breakout. */
  private void derived() {
    if (!set.ifPresent(AVG_POINTS_VS_OPPONENT, in.pointsVsOpponentMean(), OPPONENT_HISTORY)) {
      set.value(AVG_POINTS_VS_OPPONENT, set.get(POINTS_AVG_SEASON), SourceLabel.DEFAULT);
    }
    set.value(GAMES_VS_OPPONENT, in.gamesVsOpponent(), OPPONENT_HISTORY);
    set.ifPresent(MINUTES_AVG_LAST_10, in.minutes30Mean(), MINUTES_PPM);
    set.ifPresent(PPM_AVG_LAST_10, in.ppm30Mean(), MINUTES_PPM);
    if (r10.size() >= 3) {
      long dnp = r10.stream().filter(PlayerGameRow::dnp).count();
      set.value(DNP_RATE, ratio(dnp, r10.size()), CALCULATED);
    }
    if (r10.size() >= 5) {
      set.value(PTS_SLOPE_10G, FeatureMath.slopeOldestFirst(r10), CALCULATED);
    }
    // 35-36: from the stored values of 0, 2, 3 when none is a default.
    boolean inputsReal = !set.label(POINTS_AVG_LAST_5).isDefault()
        && !set.label(POINTS_AVG_SEASON).isDefault() && !set.label(POINTS_STD_LAST_10).isDefault();
    double l5 = set.get(POINTS_AVG_LAST_5);
    double seasonAvg = set.get(POINTS_AVG_SEASON);
    double std = set.get(POINTS_STD_LAST_10);
    if (inputsReal && std != 0) {
      double z = BigDecimal.valueOf(l5).subtract(BigDecimal.valueOf(seasonAvg))
          .divide(BigDecimal.valueOf(std), MathContext.DECIMAL64).doubleValue();
      set.value(PTS_VS_SEASON_ZSCORE, clamp(Decimals.round9(z), -3, 3), CALCULATED);
    } else {
      set.value(PTS_VS_SEASON_ZSCORE, 0, CALCULATED);
    }
    if (inputsReal) {
      double threshold = Decimals.round9(BigDecimal.valueOf(seasonAvg)
          .add(BigDecimal.valueOf(std).multiply(BigDecimal.valueOf(1.5))).doubleValue());
      set.value(BREAKOUT_FLAG, l5 > threshold ? 1 : 0, CALCULATED);
    } else {
      set.value(BREAKOUT_FLAG, 0, CALCULATED);
    }
  }
}
