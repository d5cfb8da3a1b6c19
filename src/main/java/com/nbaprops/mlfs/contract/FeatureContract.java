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

  private static List<Feature> build() {
    List<Feature> f = new ArrayList<>();
    Category ph = Category.PLAYER_HISTORY;
    Category mu = Category.MATCHUP;
    Category gc = Category.GAME_CONTEXT;
    Category tc = Category.TEAM_CONTEXT;
    Category vg = Category.VEGAS;
    SourceLabel def = SourceLabel.DEFAULT;
    SourceLabel calc = SourceLabel.CALCULATED;
    SourceLabel miss = SourceLabel.MISSING;
    String da = "data_unavailable";
    String cf = "composite_factors_missing";
    String od = "opponent_defense_missing";
    String sz = "shot_zone_data_missing";
    String vl = "vegas_line_unavailable";
    String oh = "no_opponent_history";
    String mp = "minutes_ppm_unavailable";
    f.add(new Feature(0, "points_avg_last_5", ph, 10.0, def, da,
        "cache points_avg_last_5 (as of D, 14 d); else mean points of first 5 played of R10"));
    f.add(new Feature(1, "points_avg_last_10", ph, 10.0, def, da,
        "cache points_avg_last_10; else mean points of P10"));
    f.add(new Feature(2, "points_avg_season", ph, 10.0, def, da,
        "cache points_avg_season; else mean points of season played rows"));
    f.add(new Feature(3, "points_std_last_10", ph, 5.0, def, da,
        "cache points_std_last_10; else sample std of P10 points (>= 2 rows)"));
    f.add(new Feature(4, "games_in_last_7_days", ph, 3.0, def, da,
        "cache games_in_last_7_days; else played rows D-7..D-1 when R10 is non-empty"));
    f.add(new Feature(5, "fatigue_score", mu, 50.0, def, cf,
        "composite fatigue_score (as of D, 7 d); outside [0, 100] rejects the entry"));
    f.add(new Feature(6, "shot_zone_mismatch_score", mu, 0.0, def, cf,
        "composite row dated D exactly"));
    f.add(new Feature(7, "pace_score", mu, 0.0, def, cf, "composite row dated D exactly"));
    f.add(new Feature(8, "usage_spike_score", mu, 0.0, def, cf, "composite (as of D, 7 d)"));
    f.add(new Feature(9, "rest_advantage", gc, 0.0, calc, da,
        "clamp(days_rest - opponent_days_rest, -2, 2); context, else team schedule"));
    f.add(new Feature(10, "injury_risk", gc, 0.0, def, da,
        "context player_status: available 0, probable 1, questionable 2, doubtful/out 3"));
    f.add(new Feature(11, "recent_trend", gc, 0.0, calc, da,
        "R10 >= 5: d = mean(rows 3-4) - mean(rows 0-2) bucketed to -2..2"));
    f.add(new Feature(12, "minutes_change", gc, 0.0, calc, da,
        "(recent - season) / season minutes bucketed to -2..2"));
    f.add(new Feature(13, "opponent_def_rating", mu, 112.0, def, od,
        "team defense defensive_rating_last_15 of the opponent (as of D, 7 d)"));
    f.add(new Feature(14, "opponent_pace", mu, 100.0, def, od,
        "team defense opponent_pace of the opponent (as of D, 7 d)"));
    f.add(new Feature(15, "home_away", gc, null, null, da,
        "context home_game (phase3); else roster home flag (calculated)"));
    f.add(new Feature(16, "back_to_back", gc, null, null, da,
        "context back_to_back (phase3); else previous game on D-1 (calculated)"));
    f.add(new Feature(17, "playoff_game", gc, 0.0, def, da, "context season_phase = playoffs"));
    f.add(new Feature(18, "pct_paint", gc, 0.0, miss, sz,
        "shot zone paint rate / 100; else cache; else P10 paint / fg attempts"));
    f.add(new Feature(19, "pct_mid_range", gc, 0.0, miss, sz,
        "shot zone mid-range rate / 100; else P10 mid-range / fg attempts"));
    f.add(new Feature(20, "pct_three", gc, 0.0, miss, sz,
        "shot zone three rate / 100; else cache; else P10 three / fg attempts"));
    f.add(new Feature(21, "pct_free_throw", gc, 0.15, calc, da,
        "R10 >= 5: sum ft_makes / sum points clamped to [0, 0.5]"));
    f.add(new Feature(22, "team_pace", tc, 100.0, def, da,
        "cache team_pace_last_10; else mean pace of the team's last 10 games"));
    f.add(new Feature(23, "team_off_rating", tc, 112.0, def, da,
        "cache team_off_rating_last_10; else mean offensive rating of the last 10 games"));
    f.add(new Feature(24, "team_win_pct", tc, 0.5, calc, da,
        "season wins / games before D when >= 5 games"));
    f.add(new Feature(25, "vegas_points_line", vg, 0.0, miss, vl, "current pre-tip points line"));
    f.add(new Feature(26, "vegas_opening_line", vg, 0.0, miss, vl, "opening points line"));
    f.add(new Feature(27, "vegas_line_move", vg, 0.0, miss, vl, "current - opening"));
    f.add(new Feature(28, "has_vegas_line", vg, null, null, da, "1 when #25 has a line"));
    f.add(new Feature(29, "avg_points_vs_opponent", ph, null, def, oh,
        "mean points vs the opponent in H; else #2's value (default)"));
    f.add(new Feature(30, "games_vs_opponent", ph, null, null, oh, "rows vs the opponent in H"));
    f.add(new Feature(31, "minutes_avg_last_10", ph, 28.0, def, mp,
        "mean minutes of rows D-30..D-1 with minutes > 0"));
    f.add(new Feature(32, "ppm_avg_last_10", ph, 0.4, def, mp,
        "mean points per minute over the same rows"));
    f.add(new Feature(33, "dnp_rate", ph, 0.0, calc, da, "R10 >= 3: DNP rows / rows"));
    f.add(new Feature(34, "pts_slope_10g", ph, 0.0, calc, da,
        "R10 >= 5: least-squares slope of points, oldest first"));
    f.add(new Feature(35, "pts_vs_season_zscore", ph, null, null, da,
        "(L5 - season) / std10 clamped to [-3, 3]"));
    f.add(new Feature(36, "breakout_flag", ph, null, null, da,
        "1 if L5 > season + 1.5 std10"));
    return Collections.unmodifiableList(f);
  }
}
