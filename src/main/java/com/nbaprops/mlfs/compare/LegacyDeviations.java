package com.nbaprops.mlfs.compare;

import static com.nbaprops.mlfs.contract.FeatureContract.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.nbaprops.mlfs.contract.FeatureContract;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Attributes a difference between a legacy row (left) and ours (right) to one of the contract's
 * intended deviations ({@code feature-contract.md}, "Deviations from the legacy processor"), from
 * the two rows alone: values, source labels and the contract's defaults. A difference no rule fits
 * is unexplained. The rules are tried in the order of {@link #RULES}; the first that fits names it.
 */
public final class LegacyDeviations {
  private LegacyDeviations() {}

  /** A deviation rule: its contract number, a name for reports, and what it says. */
  public record Deviation(String id, String description) {}

  public static final Deviation COMPOSITE_NO_STALE_ROW = new Deviation("1:composite_default",
      "#6/#7 without a composite row for D are the default (legacy: 0.0 labelled phase4)");
  public static final Deviation AS_OF_WINDOW = new Deviation("1:as_of_window",
      "per-player as-of row within the table's window (legacy: a whole-table fallback row)");
  public static final Deviation PHASE3_LABEL = new Deviation("2:phase3_label",
      "value computed from box scores labelled phase3 (legacy: phase4)");
  public static final Deviation SHOT_ZONE_FRACTION = new Deviation("2:shot_zone_fraction",
      "box-score shot-zone share is a fraction (legacy divided it by 100 twice)");
  public static final Deviation NO_OPPONENT_HISTORY = new Deviation("3:no_opponent_history",
      "#29 without opponent games takes #2's value, labelled default (legacy: NaN stored as 0.0)");
  public static final Deviation VEGAS_BEFORE_TIPOFF = new Deviation("4:vegas_before_tipoff",
      "vegas line from snapshots before tip-off only (legacy: the latest snapshot of the day)");
  public static final Deviation NO_CONTEXT_ROW = new Deviation("5:no_context_row",
      "without a context row #9/#15/#16/#24 come from the schedule and #10/#17 are defaults "
          + "(legacy: 0 / 0.5)");
  public static final Deviation QUALITY_READY_RULE = new Deviation("6:quality_ready_rule",
      "is_quality_ready and the yellow alert use required_default_count; has_vegas_line reads #28");
  public static final Deviation STALE_LEGACY_ROW = new Deviation("7:stale_legacy_row",
      "a legacy row this pipeline does not produce (legacy MERGE left stale players behind)");
  public static final Deviation TEAM_FALLBACK = new Deviation("8:team_fallback",
      "#22/#23 fall back to the team's last 10 games (legacy: 100.0/112.0 defaults)");
  public static final Deviation GAMES_LAST_7_DNP = new Deviation("8:games_last_7_dnp",
      "#4 with only DNP rows in R10 is 0 phase3 (legacy: default 3.0)");
  public static final Deviation STD_FALLBACK = new Deviation("8:std_fallback",
      "#3 falls back to the P10 std, or is the default with one played game (legacy: 5.0 / 0.0)");
  public static final Deviation SHOT_ZONE_CACHE = new Deviation("8:shot_zone_fallback",
      "#18/#19/#20 fall through to the cache or box scores (legacy: missing)");
  public static final Deviation ROUNDED_THRESHOLD = new Deviation("8:rounded_threshold",
      "#11/#12 thresholds compare 9-dp rounded values and #12's season baseline counts played "
          + "rows only (legacy: floats, every row with minutes)");
  public static final Deviation FOLLOWS_FEATURES = new Deviation("follows_features",
      "a quality or row field that follows from the row's explained feature differences");

  public static final List<Deviation> RULES = List.of(COMPOSITE_NO_STALE_ROW, SHOT_ZONE_FRACTION,
      NO_OPPONENT_HISTORY, VEGAS_BEFORE_TIPOFF, NO_CONTEXT_ROW, TEAM_FALLBACK, GAMES_LAST_7_DNP,
      STD_FALLBACK, SHOT_ZONE_CACHE, ROUNDED_THRESHOLD, PHASE3_LABEL, AS_OF_WINDOW,
      QUALITY_READY_RULE, STALE_LEGACY_ROW, FOLLOWS_FEATURES);

  /** Features read "as of D within k days" from a precomputed table (deviation 1). */
  private static final Set<Integer> AS_OF = Set.of(POINTS_AVG_LAST_5, POINTS_AVG_LAST_10,
      POINTS_AVG_SEASON, POINTS_STD_LAST_10, GAMES_IN_LAST_7_DAYS, FATIGUE_SCORE, USAGE_SPIKE_SCORE,
      OPPONENT_DEF_RATING, OPPONENT_PACE, PCT_PAINT, PCT_MID_RANGE, PCT_THREE, TEAM_PACE,
      TEAM_OFF_RATING, MINUTES_CHANGE);
  private static final Set<Integer> VEGAS = Set.of(VEGAS_POINTS_LINE, VEGAS_OPENING_LINE,
      VEGAS_LINE_MOVE, HAS_VEGAS_LINE);
  /** Row fields whose rule changed (deviation 6). */
  public static final Set<String> QUALITY_RULE_FIELDS = Set.of("is_quality_ready",
      "quality_alert_level", "has_vegas_line", "required_default_count");

  /**
   * The features whose value differs between both-phase4 rows on most rows of one date: the
   * signature of a legacy whole-table fallback (the table was empty for D and the legacy processor
   * used another day's rows for everybody), deviation 1.
   */
  public static Set<Integer> wholeTableFallbacks(Map<String, StoreRow> left,
      Map<String, StoreRow> right, double tolerance) {
    Set<Integer> out = new java.util.TreeSet<>();
    for (int i : AS_OF) {
      int pairs = 0;
      int moved = 0;
      for (Map.Entry<String, StoreRow> e : left.entrySet()) {
        StoreRow r = right.get(e.getKey());
        StoreRow l = e.getValue();
        if (r == null || l.features() == null || r.features() == null
            || l.features().length <= i || r.features().length <= i
            || !"phase4".equals(canonical(l.labels()[i]))
            || !"phase4".equals(canonical(r.labels()[i]))) {
          continue;
        }
        pairs++;
        if (!near(l.features()[i], r.features()[i], tolerance)) {
          moved++;
        }
      }
      if (pairs > 0 && 2 * moved > pairs) {
        out.add(i);
      }
    }
    return out;
  }

  /**
   * The deviation explaining a difference of feature {@code i} between legacy {@code left} and our
   * {@code right} row, or null; {@code fallbackDay}: the date looks like a legacy whole-table
   * fallback for this feature ({@link #wholeTableFallbacks}).
   */
  public static Deviation explainFeature(int i, StoreRow left, StoreRow right, double tolerance,
      boolean fallbackDay) {
    Values v = new Values(i, left, right, tolerance);
    Deviation d = explainInputs(v);
    if (d == null) {
      d = explainFallbacks(v);
    }
    if (d == null && AS_OF.contains(i)) {
      // Ours found the player's own row within the window where legacy had none (or the other
      // way round), or legacy read a cache row where ours computed from box scores, or the whole
      // date moved (a legacy whole-table fallback).
      String ll = v.leftLabel;
      String rl = v.rightLabel;
      if (v.leftDefault() && !v.rightDefault() || "phase4".equals(ll) && v.rightDefault()
          || "phase4".equals(ll) && "phase3".equals(rl)
          || "phase4".equals(ll) && "phase4".equals(canonical(rl)) && fallbackDay) {
        d = AS_OF_WINDOW;
      }
    }
    return d;
  }

  /** One feature of a legacy row ({@code l}) and ours ({@code r}), as the rules read it. */
  private record Values(int i, double l, double r, String leftLabel, String rightLabel,
      double tol, StoreRow left, StoreRow right) {
    Values(int i, StoreRow left, StoreRow right, double tol) {
      this(i, left.features()[i], right.features()[i], canonical(left.labels()[i]),
          right.labels()[i], tol, left, right);
    }

    boolean leftDefault() {
      return "default".equals(leftLabel);
    }

    boolean rightDefault() {
      return "default".equals(rightLabel) || "missing".equals(rightLabel);
    }

    boolean leftNear(double x) {
      return near(l, x, tol);
    }

    boolean rightNear(double x) {
      return near(r, x, tol);
    }
  }

  /** Deviations where the legacy processor read another input (or none) for the feature. */
  private static Deviation explainInputs(Values v) {
    int i = v.i;
    String rl = v.rightLabel;
    if ((i == SHOT_ZONE_MISMATCH_SCORE || i == PACE_SCORE) && v.rightDefault()
        && v.rightNear(0.0)) {
      return COMPOSITE_NO_STALE_ROW;
    }
    if ((i == PCT_PAINT || i == PCT_MID_RANGE || i == PCT_THREE) && "phase3".equals(rl)
        && v.leftNear(v.r / 100.0)) {
      return SHOT_ZONE_FRACTION;
    }
    if (i == AVG_POINTS_VS_OPPONENT && v.rightDefault() && v.leftNear(0.0)
        && v.rightNear(v.right.features()[POINTS_AVG_SEASON])) {
      return NO_OPPONENT_HISTORY;
    }
    // Only pre-tip-off snapshots: a legacy line may change or vanish here, never appear.
    boolean legacyLine = v.left.features()[VEGAS_POINTS_LINE] > 0;
    if ((i == VEGAS_POINTS_LINE || i == VEGAS_OPENING_LINE || i == VEGAS_LINE_MOVE)
        && legacyLine) {
      return VEGAS_BEFORE_TIPOFF;
    }
    if (i == HAS_VEGAS_LINE && legacyLine && v.leftNear(1.0) && v.rightNear(0.0)) {
      return VEGAS_BEFORE_TIPOFF;
    }
    if (((i == REST_ADVANTAGE || i == HOME_AWAY || i == BACK_TO_BACK) && v.leftNear(0.0)
        || i == TEAM_WIN_PCT && v.leftNear(0.5)) && "calculated".equals(rl)) {
      return NO_CONTEXT_ROW;
    }
    if ((i == INJURY_RISK || i == PLAYOFF_GAME) && v.rightDefault()) {
      return NO_CONTEXT_ROW;
    }
    return null;
  }

  /** Deviations where the two processors fell back differently, or rounded differently. */
  private static Deviation explainFallbacks(Values v) {
    int i = v.i;
    String rl = v.rightLabel;
    Double def = FeatureContract.feature(i).defaultValue();
    if ((i == TEAM_PACE || i == TEAM_OFF_RATING) && "phase3".equals(rl) && def != null
        && v.leftNear(def)) {
      return TEAM_FALLBACK;
    }
    if (i == GAMES_IN_LAST_7_DAYS && "phase3".equals(rl) && v.rightNear(0.0) && v.leftNear(3.0)) {
      return GAMES_LAST_7_DNP;
    }
    if (i == POINTS_STD_LAST_10 && ("phase3".equals(rl) && v.leftNear(5.0)
        || v.rightDefault() && v.rightNear(5.0) && v.leftNear(0.0))) {
      return STD_FALLBACK;
    }
    if ((i == PCT_PAINT || i == PCT_MID_RANGE || i == PCT_THREE) && !v.rightDefault()
        && v.leftNear(0.0)) {
      return SHOT_ZONE_CACHE;
    }
    if ((i == RECENT_TREND || i == MINUTES_CHANGE) && "calculated".equals(rl)
        && Math.abs(Math.abs(v.l - v.r) - 1.0) <= v.tol) {
      return ROUNDED_THRESHOLD;
    }
    return null;
  }

  /**
   * Deviation 6 for a field whose rule changed, when our row's value is what the contract derives
   * from our row's own quality fields; else null.
   */
  public static Deviation explainQualityRule(String field, StoreRow left, StoreRow right) {
    Map<String, JsonNode> f = right.fields();
    Object ours = value(f.get(field));
    Object derived;
    switch (field) {
      case "has_vegas_line" -> derived = right.features() == null ? null
          : right.features()[HAS_VEGAS_LINE] == 1.0;
      case "required_default_count" -> {
        JsonNode idx = f.get("default_feature_indices");
        if (idx == null || !idx.isArray()) {
          derived = null;
        } else {
          long n = 0;
          for (JsonNode i : idx) {
            if (!OPTIONAL_VEGAS.contains(i.asInt())) {
              n++;
            }
          }
          derived = n;
        }
      }
      case "is_quality_ready" -> {
        Double score = number(f.get("feature_quality_score"));
        Double matchup = number(f.get("matchup_quality_pct"));
        Double required = number(f.get("required_default_count"));
        JsonNode tier = f.get("quality_tier");
        derived = score == null || matchup == null || required == null || tier == null ? null
            : Set.of("gold", "silver", "bronze").contains(tier.asText()) && score >= 70
                && matchup >= 50 && required == 0;
      }
      case "quality_alert_level" -> {
        Double score = number(f.get("feature_quality_score"));
        Double matchup = number(f.get("matchup_quality_pct"));
        Double required = number(f.get("required_default_count"));
        derived = score == null || matchup == null || required == null ? null
            : matchup < 50 || score < 50 ? "red"
            : required > 0 || score < 70 || matchup < 70 ? "yellow" : "green";
      }
      default -> derived = null;
    }
    if (derived == null || ours == null) {
      return null;
    }
    boolean same = derived instanceof Number d && ours instanceof Number o
        ? d.doubleValue() == o.doubleValue() : derived.equals(ours);
    return same ? QUALITY_READY_RULE : null;
  }

  /** Quality fields: functions of the 37 values and labels (and data_hash, which hashes them). */
  public static boolean followsFeatures(String field) {
    return field.matches("feature_\\d+_(source|quality)") || field.endsWith("_quality_pct")
        || field.endsWith("_default_count") || field.endsWith("_quality_tier")
        || Set.of("feature_sources_json", "feature_fallback_reasons_json", "feature_quality_score",
            "quality_tier", "default_feature_indices", "default_feature_count",
            "phase4_feature_count", "phase3_feature_count", "calculated_feature_count",
            "has_composite_factors", "has_opponent_defense", "critical_feature_count",
            "critical_features_training_quality", "training_quality_feature_count",
            "optional_feature_count", "quality_alerts", "is_training_ready", "data_source",
            "data_hash").contains(field);
  }

  private static Object value(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    Double n = number(v);
    if (n != null && !v.asText().equalsIgnoreCase("true") && !v.asText().equalsIgnoreCase("false")) {
      return n;
    }
    if (v.isTextual() && (v.asText().equals("true") || v.asText().equals("false"))) {
      return Boolean.valueOf(v.asText());
    }
    return v.asText();
  }

  private static Double number(JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isNumber()) {
      return v.asDouble();
    }
    try {
      return Double.valueOf(v.asText());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * The deviation explaining a difference of the source label of feature {@code i} (values equal),
   * or null: a relabel the contract lists.
   */
  public static Deviation explainLabel(int i, StoreRow left, StoreRow right) {
    String ll = canonical(left.labels()[i]);
    String rl = right.labels()[i];
    boolean rightDefault = "default".equals(rl) || "missing".equals(rl);
    if ("phase4".equals(ll) && "phase3".equals(rl)) {
      return PHASE3_LABEL;
    }
    if ((i == SHOT_ZONE_MISMATCH_SCORE || i == PACE_SCORE) && rightDefault) {
      return COMPOSITE_NO_STALE_ROW;
    }
    if (i == AVG_POINTS_VS_OPPONENT && rightDefault) {
      return NO_OPPONENT_HISTORY;
    }
    if ((i == INJURY_RISK || i == PLAYOFF_GAME) && rightDefault
        || (i == REST_ADVANTAGE || i == HOME_AWAY || i == BACK_TO_BACK || i == TEAM_WIN_PCT)
        && "calculated".equals(rl)) {
      return NO_CONTEXT_ROW;
    }
    if (VEGAS.contains(i) && left.features() != null
        && left.features()[VEGAS_POINTS_LINE] > 0) {
      return VEGAS_BEFORE_TIPOFF;
    }
    if (AS_OF.contains(i) && ("phase4".equals(ll) || "default".equals(ll))) {
      return AS_OF_WINDOW;
    }
    return null;
  }

  /** The canonical source of a raw label (legacy exports may hold either). */
  static String canonical(String label) {
    if (label == null) {
      return null;
    }
    for (com.nbaprops.mlfs.contract.SourceLabel s : com.nbaprops.mlfs.contract.SourceLabel.values()) {
      if (s.raw().equals(label)) {
        return s.canonical();
      }
    }
    return label;
  }

  private static boolean near(double a, double b, double tolerance) {
    return Math.abs(a - b) <= tolerance;
  }
}
