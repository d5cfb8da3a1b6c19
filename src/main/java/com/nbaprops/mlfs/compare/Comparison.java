package com.nbaprops.mlfs.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
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
      m.put("left", JsonValues.finite(left));
      m.put("right", JsonValues.finite(right));
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
      Map<String, String> rightGaps = right.hasGaps() ? right.gaps(date) : Map.of();
      c.compareRows(date, left.rows(date), right.rows(date), rightGaps);
      if (withGaps) {
        c.compareGaps(date, left.gaps(date), rightGaps);
      }
    }
    c.dropOneSidedFields();
    return c;
  }

  private void compareRows(LocalDate date, Map<String, StoreRow> left,
      Map<String, StoreRow> right, Map<String, String> rightGaps) {
    Set<String> players = new TreeSet<>(left.keySet());
    players.addAll(right.keySet());
    if (players.isEmpty()) {
      return;
    }
    Counts day = rowsByDate.computeIfAbsent(date, d -> new Counts());
    Set<Integer> fallbackDay = legacy ? LegacyDeviations.wholeTableFallbacks(left, right,
        tolerance) : Set.of();
    for (String p : players) {
      StoreRow l = left.get(p);
      StoreRow r = right.get(p);
      StoreRow.Key k = new StoreRow.Key(date, p);
      if (l != null && r != null) {
        rows.both++;
        day.both++;
        compareRow(l, r, fallbackDay);
      } else if (l != null) {
        rows.leftOnly++;
        day.leftOnly++;
        // A legacy row our run does not produce although it covered the date and the player is
        // not one of its gaps: what the legacy MERGE left behind (deviation 7).
        boolean stale = legacy && !right.isEmpty() && !rightGaps.containsKey(p);
        oneSide(k, "row only left", stale ? LegacyDeviations.STALE_LEGACY_ROW : null);
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

  private void compareRow(StoreRow l, StoreRow r, Set<Integer> fallbackDay) {
    Verdict v = compareFeatures(l, r, fallbackDay);
    compareFields(l, r, v.explained() && !v.unexplained());
  }

  /** Whether a row's feature differences include explained and unexplained ones. */
  private record Verdict(boolean explained, boolean unexplained) {}

  private Verdict compareFeatures(StoreRow l, StoreRow r, Set<Integer> fallbackDay) {
    boolean rowHasUnexplained = false;
    boolean rowHasExplained = false;
    int n = FeatureContract.FEATURE_COUNT;
    double[] lf = l.features();
    double[] rf = r.features();
    if (lf == null || rf == null || lf.length != n || rf.length != n) {
      Example e = new Example(l.player(), l.date(), "features vector", lf == null ? null
          : lf.length + " values", rf == null ? null : rf.length + " values", null, null,
          Double.NaN, null);
      difference(e);
      rowHasUnexplained = true;
    } else {
      for (int i = 0; i < n; i++) {
        FeatureStats s = features.get(i);
        s.compared++;
        double lv = lf[i];
        double rv = rf[i];
        boolean oneNull = Double.isNaN(lv) != Double.isNaN(rv);
        double diff = Math.abs(lv - rv);
        boolean equal = Double.isNaN(lv) && Double.isNaN(rv) || !oneNull && diff <= tolerance;
        boolean labelEqual = Objects.equals(LegacyDeviations.canonical(l.labels()[i]),
            LegacyDeviations.canonical(r.labels()[i]));
        if (equal) {
          s.equal++;
        } else if (!oneNull) {
          s.maxAbsDiff = Math.max(s.maxAbsDiff, diff);
        }
        if (!labelEqual) {
          s.labelDiffers++;
        }
        if (equal && labelEqual) {
          continue;
        }
        Deviation d = !legacy ? null : equal ? LegacyDeviations.explainLabel(i, l, r)
            : LegacyDeviations.explainFeature(i, l, r, tolerance, fallbackDay.contains(i));
        // A value missing on one side sorts before every numeric difference.
        Example e = new Example(l.player(), l.date(), "feature " + i + " "
            + FeatureContract.feature(i).name() + (equal ? " source" : ""), lv, rv,
            l.labels()[i], r.labels()[i], equal ? Double.NaN
            : oneNull ? Double.POSITIVE_INFINITY : diff, d == null ? null : d.id());
        if (!equal) {
          keepLargest(s.examples, e);
        }
        rowHasExplained |= d != null;
        rowHasUnexplained |= d == null;
        difference(e);
      }
    }
    return new Verdict(rowHasExplained, rowHasUnexplained);
  }

  /** The row's other fields; {@code onlyExplained}: its feature differences all have a rule. */
  private void compareFields(StoreRow l, StoreRow r, boolean onlyExplained) {
    Set<String> names = new TreeSet<>(l.fields().keySet());
    names.addAll(r.fields().keySet());
    leftColumns.addAll(l.fields().keySet());
    rightColumns.addAll(r.fields().keySet());
    for (String name : names) {
      // An absent key is NULL (bq extract leaves NULL columns out); a column one side never has
      // is dropped at the end (dropOneSidedFields).
      JsonNode lv = l.fields().getOrDefault(name, NullNode.getInstance());
      JsonNode rv = r.fields().getOrDefault(name, NullNode.getInstance());
      FieldStats f = fields.computeIfAbsent(name, FieldStats::new);
      f.compared++;
      if (JsonValues.same(lv, rv, tolerance)) {
        f.equal++;
        continue;
      }
      Deviation d = null;
      if (legacy) {
        if (LegacyDeviations.QUALITY_RULE_FIELDS.contains(name)) {
          d = LegacyDeviations.explainQualityRule(name, l, r);
        } else if (onlyExplained && LegacyDeviations.followsFeatures(name)) {
          d = LegacyDeviations.FOLLOWS_FEATURES;
        }
      }
      Example e = new Example(l.player(), l.date(), "field " + name, JsonValues.plain(lv),
          JsonValues.plain(rv), null, null, Double.NaN, d == null ? null : d.id());
      if (f.examples.size() < EXAMPLES) {
        f.examples.add(e);
      }
      difference(e);
      fieldDifferences.computeIfAbsent(name, x -> new TreeMap<>())
          .merge(d == null ? "" : d.id(), 1L, Long::sum);
    }
  }

  private final Set<String> leftColumns = new TreeSet<>();
  private final Set<String> rightColumns = new TreeSet<>();
  /** Per field: differences by deviation id ("" = unexplained), to undo for dropped fields. */
  private final Map<String, Map<String, Long>> fieldDifferences = new TreeMap<>();

  /** Columns only one side ever has are not compared: their counts are taken back. */
  private void dropOneSidedFields() {
    for (String name : new ArrayList<>(fields.keySet())) {
      if (leftColumns.contains(name) && rightColumns.contains(name)) {
        continue;
      }
      fields.remove(name);
      for (Map.Entry<String, Long> e : fieldDifferences.getOrDefault(name, Map.of()).entrySet()) {
        if (e.getKey().isEmpty()) {
          unexplainedCount -= e.getValue();
        } else if (explained.merge(e.getKey(), -e.getValue(), Long::sum) == 0) {
          explained.remove(e.getKey());
        }
      }
      unexplained.removeIf(x -> x.what().equals("field " + name));
    }
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

  /** Rows (and gaps) looked at on either side. */
  public long rowsSeen() {
    return rows.both + rows.leftOnly + rows.rightOnly
        + (gaps == null ? 0 : gaps.both + gaps.leftOnly + gaps.rightOnly);
  }

  /**
   * Exit 0 when everything compared agrees (legacy: every difference explained), else 1; nothing
   * to compare (no row on either side in the range) does not agree.
   */
  public boolean agrees() {
    if (rowsSeen() == 0) {
      return false;
    }
    if (legacy) {
      return unexplainedCount == 0;
    }
    return unexplainedCount == 0 && explained.isEmpty();
  }
}
