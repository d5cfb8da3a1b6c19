package com.nbaprops.mlfs.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.nbaprops.mlfs.compare.LegacyDeviations.Deviation;
import com.nbaprops.mlfs.contract.FeatureContract;
import com.nbaprops.mlfs.util.Json;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The comparison of two feature stores, in plain Java: rows on both sides and on one side only (per
 * date and in total, gaps too when both sides have them), per feature index the values compared,
 * equal within the tolerance, the largest absolute difference and the largest examples, per field
 * present on both sides the equal share and examples, and, for a legacy left side, each difference
 * attributed to a contract deviation or listed as unexplained.
 */
public final class Comparison {
  /** Examples kept per feature and per field; unexplained differences kept in the report. */
  public static final int EXAMPLES = 5;
  public static final int UNEXPLAINED_LISTED = 50;

  /** Rows (or gaps) on both sides and on one side only. */
  public static final class Counts {
    public long both;
    public long leftOnly;
    public long rightOnly;

    Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("both", both);
      m.put("left_only", leftOnly);
      m.put("right_only", rightOnly);
      return m;
    }
  }

  /** One difference, for examples and the unexplained list. */
  public record Example(String player, LocalDate date, String what, Object left, Object right,
      String leftLabel, String rightLabel, double absDiff, String explainedBy) {
    Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("player_lookup", player);
      m.put("game_date", date.toString());
      m.put("what", what);
      m.put("left", finite(left));
      m.put("right", finite(right));
      if (leftLabel != null || rightLabel != null) {
        m.put("left_source", leftLabel);
        m.put("right_source", rightLabel);
      }
      if (!Double.isNaN(absDiff) && !Double.isInfinite(absDiff)) {
        m.put("abs_diff", absDiff);
      }
      if (explainedBy != null) {
        m.put("explained_by", explainedBy);
      }
      return m;
    }
  }

  /** Per feature index. */
  public static final class FeatureStats {
    public final int index;
    public long compared;
    public long equal;
    public long labelDiffers;
    public double maxAbsDiff;
    final List<Example> examples = new ArrayList<>();

    FeatureStats(int index) {
      this.index = index;
    }

    public List<Example> examples() {
      return examples;
    }
  }

  /** Per quality or row field. */
  public static final class FieldStats {
    public final String name;
    public long compared;
    public long equal;
    final List<Example> examples = new ArrayList<>();

    FieldStats(String name) {
      this.name = name;
    }
  }

  private final boolean legacy;
  private final double tolerance;
  public final Counts rows = new Counts();
  public final Counts gaps;
  public long gapReasonDiffers;
  public final TreeMap<LocalDate, Counts> rowsByDate = new TreeMap<>();
  public final TreeMap<LocalDate, Counts> gapsByDate = new TreeMap<>();
  public final List<FeatureStats> features = new ArrayList<>();
  public final TreeMap<String, FieldStats> fields = new TreeMap<>();
  public final TreeMap<String, Long> explained = new TreeMap<>();
  public long unexplainedCount;
  public final List<Example> unexplained = new ArrayList<>();
  /** Every one-side row, by side (only counted; examples in {@link #oneSided}). */
  public final List<Example> oneSided = new ArrayList<>();

  private Comparison(boolean legacy, double tolerance, boolean withGaps) {
    this.legacy = legacy;
    this.tolerance = tolerance;
    this.gaps = withGaps ? new Counts() : null;
    for (int i = 0; i < FeatureContract.FEATURE_COUNT; i++) {
      features.add(new FeatureStats(i));
    }
  }

  /**
   * Compares {@code left} with {@code right} a date at a time; {@code legacy}: left is a legacy
   * export. Gaps are compared when both sides have a gap table.
   */
  public static Comparison of(StoreSide left, StoreSide right, double tolerance, boolean legacy)
      throws java.io.IOException {
    boolean withGaps = left.hasGaps() && right.hasGaps();
    Comparison c = new Comparison(legacy, tolerance, withGaps);
    Set<LocalDate> dates = new TreeSet<>(left.dates());
    dates.addAll(right.dates());
    for (LocalDate date : dates) {
      c.compareRows(date, left.rows(date), right.rows(date));
      if (withGaps) {
        c.compareGaps(date, left.gaps(date), right.gaps(date));
      }
    }
    return c;
  }

  private void compareRows(LocalDate date, Map<String, StoreRow> left,
      Map<String, StoreRow> right) {
    Set<String> players = new TreeSet<>(left.keySet());
    players.addAll(right.keySet());
    if (players.isEmpty()) {
      return;
    }
    Counts day = rowsByDate.computeIfAbsent(date, d -> new Counts());
    for (String p : players) {
      StoreRow l = left.get(p);
      StoreRow r = right.get(p);
      StoreRow.Key k = new StoreRow.Key(date, p);
      if (l != null && r != null) {
        rows.both++;
        day.both++;
        compareRow(l, r);
      } else if (l != null) {
        rows.leftOnly++;
        day.leftOnly++;
        oneSide(k, "row only left", legacy ? LegacyDeviations.STALE_LEGACY_ROW : null);
      } else {
        rows.rightOnly++;
        day.rightOnly++;
        oneSide(k, "row only right", null);
      }
    }
  }

  private void compareGaps(LocalDate date, Map<String, String> left, Map<String, String> right) {
    Set<String> players = new TreeSet<>(left.keySet());
    players.addAll(right.keySet());
    if (players.isEmpty()) {
      return;
    }
    Counts day = gapsByDate.computeIfAbsent(date, d -> new Counts());
    for (String p : players) {
      String l = left.get(p);
      String r = right.get(p);
      StoreRow.Key k = new StoreRow.Key(date, p);
      if (l != null && r != null) {
        gaps.both++;
        day.both++;
        if (!l.equals(r)) {
          gapReasonDiffers++;
          difference(new Example(p, date, "gap reason", l, r, null, null, Double.NaN, null));
        }
      } else if (l != null) {
        gaps.leftOnly++;
        day.leftOnly++;
        oneSide(k, "gap only left", null);
      } else {
        gaps.rightOnly++;
        day.rightOnly++;
        oneSide(k, "gap only right", null);
      }
    }
  }

  private void oneSide(StoreRow.Key k, String what, Deviation explainedBy) {
    Example e = new Example(k.player(), k.date(), what, null, null, null, null, Double.NaN,
        explainedBy == null ? null : explainedBy.id());
    if (oneSided.size() < UNEXPLAINED_LISTED) {
      oneSided.add(e);
    }
    difference(e);
  }

  /** Counts a difference as explained (by its deviation) or unexplained. */
  private void difference(Example e) {
    if (e.explainedBy() != null) {
      explained.merge(e.explainedBy(), 1L, Long::sum);
      return;
    }
    unexplainedCount++;
    if (unexplained.size() < UNEXPLAINED_LISTED) {
      unexplained.add(e);
    }
  }

  private void compareRow(StoreRow l, StoreRow r) {
    boolean rowHasUnexplained = false;
    boolean rowHasExplained = false;
    int n = FeatureContract.FEATURE_COUNT;
    if (l.features() != null && r.features() != null) {
      for (int i = 0; i < Math.min(n, Math.min(l.features().length, r.features().length)); i++) {
        FeatureStats s = features.get(i);
        s.compared++;
        double lv = l.features()[i];
        double rv = r.features()[i];
        double diff = Math.abs(lv - rv);
        boolean equal = diff <= tolerance || Double.isNaN(lv) && Double.isNaN(rv);
        boolean labelEqual = Objects.equals(LegacyDeviations.canonical(l.labels()[i]),
            LegacyDeviations.canonical(r.labels()[i])) || l.labels()[i] == null
            || r.labels()[i] == null;
        if (equal) {
          s.equal++;
        } else {
          s.maxAbsDiff = Double.isNaN(diff) ? s.maxAbsDiff : Math.max(s.maxAbsDiff, diff);
        }
        if (!labelEqual) {
          s.labelDiffers++;
        }
        if (equal && labelEqual) {
          continue;
        }
        Deviation d = !legacy ? null : equal ? LegacyDeviations.explainLabel(i, l, r)
            : LegacyDeviations.explainFeature(i, l, r, tolerance);
        Example e = new Example(l.player(), l.date(), "feature " + i + " "
            + FeatureContract.feature(i).name() + (equal ? " source" : ""), lv, rv,
            l.labels()[i], r.labels()[i], equal ? Double.NaN : diff, d == null ? null : d.id());
        if (!equal) {
          keepLargest(s.examples, e);
        }
        rowHasExplained |= d != null;
        rowHasUnexplained |= d == null;
        difference(e);
      }
    }
    for (Map.Entry<String, JsonNode> field : l.fields().entrySet()) {
      JsonNode lv = field.getValue();
      JsonNode rv = r.fields().get(field.getKey());
      if (rv == null) {
        continue;   // a column one side lacks is not compared
      }
      FieldStats f = fields.computeIfAbsent(field.getKey(), FieldStats::new);
      f.compared++;
      if (sameValue(lv, rv)) {
        f.equal++;
        continue;
      }
      Deviation d = null;
      if (legacy) {
        if (LegacyDeviations.QUALITY_RULE_FIELDS.contains(f.name)) {
          d = LegacyDeviations.QUALITY_READY_RULE;
        } else if (rowHasExplained && !rowHasUnexplained && !isIdentity(f.name)) {
          d = LegacyDeviations.FOLLOWS_FEATURES;
        }
      }
      Example e = new Example(l.player(), l.date(), "field " + f.name, plain(lv),
          plain(rv), null, null, Double.NaN, d == null ? null : d.id());
      if (f.examples.size() < EXAMPLES) {
        f.examples.add(e);
      }
      difference(e);
    }
  }

  private static Object plain(JsonNode v) {
    return Json.mapper().convertValue(v, Object.class);
  }

  private static Object finite(Object v) {
    return v instanceof Double d && (d.isNaN() || d.isInfinite()) ? null : v;
  }

  /** Identity columns never follow from feature values. */
  private static boolean isIdentity(String field) {
    return Set.of("universal_player_id", "game_id", "team_abbr", "opponent_team_abbr",
        "season_year", "feature_version", "feature_count", "feature_names").contains(field);
  }

  private boolean sameValue(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return Math.abs(a.asDouble() - b.asDouble()) <= tolerance;
    }
    if (a.isTextual() && b.isTextual()) {
      String x = a.asText();
      String y = b.asText();
      if (x.equals(y)) {
        return true;
      }
      if ((x.startsWith("{") || x.startsWith("[")) && (y.startsWith("{") || y.startsWith("["))) {
        try {
          return Json.mapper().readTree(x).equals(Json.mapper().readTree(y));
        } catch (java.io.IOException e) {
          return false;
        }
      }
      return false;
    }
    if (a.isArray() && b.isArray() && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        if (!sameValue(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a.isObject() && b.isObject() && a.size() == b.size()) {
      for (java.util.Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        if (!b.has(name) || !sameValue(a.get(name), b.get(name))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  private static final Comparator<Example> LARGEST = Comparator
      .comparingDouble((Example e) -> -e.absDiff()).thenComparing(Example::date)
      .thenComparing(Example::player);

  private static void keepLargest(List<Example> examples, Example e) {
    examples.add(e);
    examples.sort(LARGEST);
    if (examples.size() > EXAMPLES) {
      examples.remove(examples.size() - 1);
    }
  }

  public boolean legacy() {
    return legacy;
  }

  public double tolerance() {
    return tolerance;
  }

  /** Exit 0 when everything compared agrees (legacy: every difference explained), else 1. */
  public boolean agrees() {
    if (legacy) {
      return unexplainedCount == 0;
    }
    return unexplainedCount == 0 && explained.isEmpty();
  }
}
