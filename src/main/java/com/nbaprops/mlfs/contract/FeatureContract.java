package com.nbaprops.mlfs.contract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The feature contract {@code v2_37features}: index, name, category, default value and label, and
 * the fallback reason of every feature. The output schema's per-feature columns, the quality scorer
 * and the metrics derive from this one list.
 */
public final class FeatureContract {
  public static final String FEATURE_VERSION = "v2_37features";
  public static final String FEATURE_SCHEMA_VERSION = "v2_37features";
  public static final String QUALITY_SCHEMA_VERSION = "quality_v1";
  public static final int FEATURE_COUNT = 37;

  /** Feature categories of the quality fields, in output order. */
  public enum Category {
    MATCHUP("matchup"),
    PLAYER_HISTORY("player_history"),
    TEAM_CONTEXT("team_context"),
    VEGAS("vegas"),
    GAME_CONTEXT("game_context");

    private final String key;

    Category(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  /**
   * One feature. {@code defaultValue}/{@code defaultLabel} are what the feature takes when no source
   * applies (null where the contract lists none: the feature always has a source).
   */
  public record Feature(int index, String name, Category category, Double defaultValue,
      SourceLabel defaultLabel, String fallbackReason, String description) {}

  // Named feature indices: code that means one feature says which one by name.
  public static final int POINTS_AVG_LAST_5 = 0;
  public static final int POINTS_AVG_LAST_10 = 1;
  public static final int POINTS_AVG_SEASON = 2;
  public static final int POINTS_STD_LAST_10 = 3;
  public static final int GAMES_IN_LAST_7_DAYS = 4;
  public static final int FATIGUE_SCORE = 5;
  public static final int SHOT_ZONE_MISMATCH_SCORE = 6;
  public static final int PACE_SCORE = 7;
  public static final int USAGE_SPIKE_SCORE = 8;
  public static final int REST_ADVANTAGE = 9;
  public static final int INJURY_RISK = 10;
  public static final int RECENT_TREND = 11;
  public static final int MINUTES_CHANGE = 12;
  public static final int OPPONENT_DEF_RATING = 13;
  public static final int OPPONENT_PACE = 14;
  public static final int HOME_AWAY = 15;
  public static final int BACK_TO_BACK = 16;
  public static final int PLAYOFF_GAME = 17;
  public static final int PCT_PAINT = 18;
  public static final int PCT_MID_RANGE = 19;
  public static final int PCT_THREE = 20;
  public static final int PCT_FREE_THROW = 21;
  public static final int TEAM_PACE = 22;
  public static final int TEAM_OFF_RATING = 23;
  public static final int TEAM_WIN_PCT = 24;
  public static final int VEGAS_POINTS_LINE = 25;
  public static final int VEGAS_OPENING_LINE = 26;
  public static final int VEGAS_LINE_MOVE = 27;
  public static final int HAS_VEGAS_LINE = 28;
  public static final int AVG_POINTS_VS_OPPONENT = 29;
  public static final int GAMES_VS_OPPONENT = 30;
  public static final int MINUTES_AVG_LAST_10 = 31;
  public static final int PPM_AVG_LAST_10 = 32;
  public static final int DNP_RATE = 33;
  public static final int PTS_SLOPE_10G = 34;
  public static final int PTS_VS_SEASON_ZSCORE = 35;
  public static final int BREAKOUT_FLAG = 36;

  // Short names of the declaration table (build); declared before FEATURES, which uses them.
  private static final Category PH = Category.PLAYER_HISTORY;
  private static final Category MU = Category.MATCHUP;
  private static final Category GC = Category.GAME_CONTEXT;
  private static final Category TC = Category.TEAM_CONTEXT;
  private static final Category VG = Category.VEGAS;
  private static final SourceLabel DEF = SourceLabel.DEFAULT;
  private static final SourceLabel CALC = SourceLabel.CALCULATED;
  private static final SourceLabel MISS = SourceLabel.MISSING;
  private static final String DA = "data_unavailable";
  private static final String CF = "composite_factors_missing";
  private static final String OD = "opponent_defense_missing";
  private static final String SZ = "shot_zone_data_missing";
  private static final String VL = "vegas_line_unavailable";
  private static final String OH = "no_opponent_history";
  private static final String MP = "minutes_ppm_unavailable";

  private static final List<Feature> FEATURES = build();

  /** Vegas features that are optional: their defaults do not count as required defaults. */
  public static final List<Integer> OPTIONAL_VEGAS =
      List.of(VEGAS_POINTS_LINE, VEGAS_OPENING_LINE, VEGAS_LINE_MOVE);
  /** Composite-factor features 5-8. */
  public static final List<Integer> COMPOSITE =
      List.of(FATIGUE_SCORE, SHOT_ZONE_MISMATCH_SCORE, PACE_SCORE, USAGE_SPIKE_SCORE);
  /** The six matchup ("critical") features: the composite factors and the opponent defense. */
  public static final List<Integer> CRITICAL = List.of(FATIGUE_SCORE, SHOT_ZONE_MISMATCH_SCORE,
      PACE_SCORE, USAGE_SPIKE_SCORE, OPPONENT_DEF_RATING, OPPONENT_PACE);

  private FeatureContract() {}

  public static List<Feature> features() {
    return FEATURES;
  }

  public static Feature feature(int index) {
    return FEATURES.get(index);
  }

  public static List<String> names() {
    return FEATURES.stream().map(Feature::name).toList();
  }

  public static List<Integer> indicesOf(Category c) {
    List<Integer> out = new ArrayList<>();
    for (Feature f : FEATURES) {
      if (f.category() == c) {
        out.add(f.index());
      }
    }
    return out;
  }

  /** The declaration table, one method per contract group, in index order. */
  private static List<Feature> build() {
    List<Feature> f = new ArrayList<>();
    recentPerformance(f);
    compositeFactors(f);
    gameContext(f);
    shotZones(f);
    teamContext(f);
    vegasLines(f);
    opponentAndAdvanced(f);
    for (int i = 0; i < f.size(); i++) {
      if (f.get(i).index() != i) {
        throw new IllegalStateException("feature " + f.get(i).name() + " declared at " + i);
      }
    }
    return Collections.unmodifiableList(f);
  }

  /** Features 0-4: recent scoring (the daily cache, else the box scores). */
  private static void recentPerformance(List<Feature> f) {
    f.add(new Feature(POINTS_AVG_LAST_5, "points_avg_last_5", PH, 10.0, DEF, DA,
        "cache points_avg_last_5 (as of D, 14 d); else mean points of first 5 played of R10"));
    f.add(new Feature(POINTS_AVG_LAST_10, "points_avg_last_10", PH, 10.0, DEF, DA,
        "cache points_avg_last_10; else mean points of P10"));
    f.add(new Feature(POINTS_AVG_SEASON, "points_avg_season", PH, 10.0, DEF, DA,
        "cache points_avg_season; else mean points of season played rows"));
    f.add(new Feature(POINTS_STD_LAST_10, "points_std_last_10", PH, 5.0, DEF, DA,
        "cache points_std_last_10; else sample std of P10 points (>= 2 rows)"));
    f.add(new Feature(GAMES_IN_LAST_7_DAYS, "games_in_last_7_days", PH, 3.0, DEF, DA,
        "cache games_in_last_7_days; else played rows D-7..D-1 when R10 is non-empty"));
  }

  /** Features 5-8: the composite factors. */
  private static void compositeFactors(List<Feature> f) {
    f.add(new Feature(FATIGUE_SCORE, "fatigue_score", MU, 50.0, DEF, CF,
        "composite fatigue_score (as of D, 7 d); outside [0, 100] rejects the entry"));
    f.add(new Feature(SHOT_ZONE_MISMATCH_SCORE, "shot_zone_mismatch_score", MU, 0.0, DEF, CF,
        "composite row dated D exactly"));
    f.add(new Feature(PACE_SCORE, "pace_score", MU, 0.0, DEF, CF, "composite row dated D exactly"));
    f.add(new Feature(USAGE_SPIKE_SCORE, "usage_spike_score", MU, 0.0, DEF, CF,
        "composite (as of D, 7 d)"));
  }

  /** Features 9-17: rest, injury, trends, the opponent's defense and the game context. */
  private static void gameContext(List<Feature> f) {
    f.add(new Feature(REST_ADVANTAGE, "rest_advantage", GC, 0.0, CALC, DA,
        "clamp(days_rest - opponent_days_rest, -2, 2); context, else team schedule"));
    f.add(new Feature(INJURY_RISK, "injury_risk", GC, 0.0, DEF, DA,
        "context player_status: available 0, probable 1, questionable 2, doubtful/out 3"));
    f.add(new Feature(RECENT_TREND, "recent_trend", GC, 0.0, CALC, DA,
        "R10 >= 5: d = mean(rows 3-4) - mean(rows 0-2) bucketed to -2..2"));
    f.add(new Feature(MINUTES_CHANGE, "minutes_change", GC, 0.0, CALC, DA,
        "(recent - season) / season minutes bucketed to -2..2"));
    f.add(new Feature(OPPONENT_DEF_RATING, "opponent_def_rating", MU, 112.0, DEF, OD,
        "team defense defensive_rating_last_15 of the opponent (as of D, 7 d)"));
    f.add(new Feature(OPPONENT_PACE, "opponent_pace", MU, 100.0, DEF, OD,
        "team defense opponent_pace of the opponent (as of D, 7 d)"));
    f.add(new Feature(HOME_AWAY, "home_away", GC, null, null, DA,
        "context home_game (phase3); else roster home flag (calculated)"));
    f.add(new Feature(BACK_TO_BACK, "back_to_back", GC, null, null, DA,
        "context back_to_back (phase3); else previous game on D-1 (calculated)"));
    f.add(new Feature(PLAYOFF_GAME, "playoff_game", GC, 0.0, DEF, DA,
        "context season_phase = playoffs"));
  }

  /** Features 18-21: shot zones and free throws. */
  private static void shotZones(List<Feature> f) {
    f.add(new Feature(PCT_PAINT, "pct_paint", GC, 0.0, MISS, SZ,
        "shot zone paint rate / 100; else cache; else P10 paint / fg attempts"));
    f.add(new Feature(PCT_MID_RANGE, "pct_mid_range", GC, 0.0, MISS, SZ,
        "shot zone mid-range rate / 100; else P10 mid-range / fg attempts"));
    f.add(new Feature(PCT_THREE, "pct_three", GC, 0.0, MISS, SZ,
        "shot zone three rate / 100; else cache; else P10 three / fg attempts"));
    f.add(new Feature(PCT_FREE_THROW, "pct_free_throw", GC, 0.15, CALC, DA,
        "R10 >= 5: sum ft_makes / sum points clamped to [0, 0.5]"));
  }

  /** Features 22-24: the team. */
  private static void teamContext(List<Feature> f) {
    f.add(new Feature(TEAM_PACE, "team_pace", TC, 100.0, DEF, DA,
        "cache team_pace_last_10; else mean pace of the team's last 10 games"));
    f.add(new Feature(TEAM_OFF_RATING, "team_off_rating", TC, 112.0, DEF, DA,
        "cache team_off_rating_last_10; else mean offensive rating of the last 10 games"));
    f.add(new Feature(TEAM_WIN_PCT, "team_win_pct", TC, 0.5, CALC, DA,
        "season wins / games before D when >= 5 games"));
  }

  /** Features 25-28: the Vegas lines. */
  private static void vegasLines(List<Feature> f) {
    f.add(new Feature(VEGAS_POINTS_LINE, "vegas_points_line", VG, 0.0, MISS, VL,
        "current pre-tip points line"));
    f.add(new Feature(VEGAS_OPENING_LINE, "vegas_opening_line", VG, 0.0, MISS, VL,
        "opening points line"));
    f.add(new Feature(VEGAS_LINE_MOVE, "vegas_line_move", VG, 0.0, MISS, VL, "current - opening"));
    f.add(new Feature(HAS_VEGAS_LINE, "has_vegas_line", VG, null, null, DA,
        "1 when #25 has a line"));
  }

  /** Features 29-36: the opponent history, minutes and the advanced features. */
  private static void opponentAndAdvanced(List<Feature> f) {
    f.add(new Feature(AVG_POINTS_VS_OPPONENT, "avg_points_vs_opponent", PH, null, DEF, OH,
        "mean points vs the opponent in H; else #2's value (default)"));
    f.add(new Feature(GAMES_VS_OPPONENT, "games_vs_opponent", PH, null, null, OH,
        "rows vs the opponent in H"));
    f.add(new Feature(MINUTES_AVG_LAST_10, "minutes_avg_last_10", PH, 28.0, DEF, MP,
        "mean minutes of rows D-30..D-1 with minutes > 0"));
    f.add(new Feature(PPM_AVG_LAST_10, "ppm_avg_last_10", PH, 0.4, DEF, MP,
        "mean points per minute over the same rows"));
    f.add(new Feature(DNP_RATE, "dnp_rate", PH, 0.0, CALC, DA, "R10 >= 3: DNP rows / rows"));
    f.add(new Feature(PTS_SLOPE_10G, "pts_slope_10g", PH, 0.0, CALC, DA,
        "R10 >= 5: least-squares slope of points, oldest first"));
    f.add(new Feature(PTS_VS_SEASON_ZSCORE, "pts_vs_season_zscore", PH, null, null, DA,
        "(L5 - season) / std10 clamped to [-3, 3]"));
    f.add(new Feature(BREAKOUT_FLAG, "breakout_flag", PH, null, null, DA,
        "1 if L5 > season + 1.5 std10"));
  }
}
