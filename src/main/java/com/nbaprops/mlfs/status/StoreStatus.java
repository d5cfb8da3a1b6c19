package com.nbaprops.mlfs.status;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.nbaprops.mlfs.contract.FeatureContract;
import com.nbaprops.mlfs.util.Json;
import java.io.IOException;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The state of a feature store over a date range, in plain Java: dates with games but no output,
 * dates written by another feature / schema / quality version (stale) or whose rows and open gaps
 * do not add up to the roster (unbalanced), open gaps by reason, the most defaulted features of
 * the last days, coverage per date, and the repair plan. Feature rows are read for the few fields
 * status needs only (a streaming parse that skips the rest).
 */
public final class StoreStatus {
  /** Fields of a feature row that status reads. */
  private static final Set<String> FEATURE_FIELDS = Set.of("player_lookup", "is_quality_ready",
      "default_feature_indices", "feature_version", "feature_schema_version",
      "quality_schema_version");
  private static final Map<String, String> CURRENT = currentVersions();

  public record DateRow(LocalDate date, int roster, int rows, int openGaps, int qualityReady,
      boolean hasOutput, Map<String, String> versions) {
    /** 100 × quality-ready rows / roster entries, 1 dp; null without roster. */
    public Double qualityReadyPct() {
      return roster == 0 ? null : Math.round(1000.0 * qualityReady / roster) / 10.0;
    }
  }

  /** Open gaps of one reason. */
  public static final class GapGroup {
    public final String reason;
    public long count;
    public LocalDate first;
    public LocalDate last;
    public String oldestDetectedAt;
    final TreeMap<LocalDate, Long> byDate = new TreeMap<>();

    GapGroup(String reason) {
      this.reason = reason;
    }
  }

  public final LocalDate start;
  public final LocalDate end;
  public final int days;
  public final List<DateRow> dates = new ArrayList<>();
  public final List<LocalDate> missing = new ArrayList<>();
  public final List<LocalDate> stale = new ArrayList<>();
  public final List<LocalDate> unbalanced = new ArrayList<>();
  public final TreeMap<String, GapGroup> gaps = new TreeMap<>();
  /** Feature index → defaults over the last {@link #days} days, and the distinct players. */
  public final long[] defaults = new long[FeatureContract.FEATURE_COUNT];
  private final List<Set<String>> defaultPlayers = new ArrayList<>();
  /** ISO week (YYYY-Www) → feature index → defaults, and the week's rows (heat map). */
  public final TreeMap<String, long[]> weeklyDefaults = new TreeMap<>();
  public final TreeMap<String, Long> weeklyRows = new TreeMap<>();
  /** Per date with alerts in its health row: the alerts (drift, default-rate jumps, coverage). */
  public final TreeMap<LocalDate, List<String>> alerts = new TreeMap<>();
  /** Dates whose health row says coverage_ok = false (below --minQualityReadyPct). */
  public final List<LocalDate> lowCoverage = new ArrayList<>();
  public final List<RepairPlan.Range> repair;

  private StoreStatus(LocalDate start, LocalDate end, int days, int mergeDays,
      StatusSource source) throws IOException {
    this.start = start;
    this.end = end;
    this.days = days;
    for (int i = 0; i < FeatureContract.FEATURE_COUNT; i++) {
      defaultPlayers.add(new HashSet<>());
    }
    Map<LocalDate, Integer> roster = source.roster();
    LocalDate recent = end.minusDays(days - 1L);
    for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
      List<String> features = source.featureLines(d);
      List<String> gapLines = source.gapLines(d);
      int n = roster.getOrDefault(d, 0);
      if (n == 0 && features.isEmpty() && gapLines.isEmpty()) {
        continue;
      }
      Map<String, String> versions = new TreeMap<>();
      int ready = readFeatures(d, features, versions, recent);
      int open = readGaps(d, gapLines);
      readHealth(d, source.healthLines(d));
      boolean hasOutput = !features.isEmpty() || !gapLines.isEmpty();
      dates.add(new DateRow(d, n, features.size(), open, ready, hasOutput, versions));
      if (n > 0 && !hasOutput) {
        missing.add(d);
      } else if (!versions.isEmpty()) {
        stale.add(d);
      } else if (n > 0 && features.size() + open != n) {
        unbalanced.add(d);
      }
    }
    TreeSet<LocalDate> rebuild = new TreeSet<>(missing);
    rebuild.addAll(stale);
    rebuild.addAll(unbalanced);
    this.repair = RepairPlan.ranges(rebuild, mergeDays);
  }

  /**
   * The date's feature rows: counts its defaults (by week, and by feature and player over the
   * last days), puts each out-of-date version in {@code versions}; returns the quality-ready rows.
   */
  private int readFeatures(LocalDate d, List<String> features, Map<String, String> versions,
      LocalDate recent) throws IOException {
    int ready = 0;
    String week = d.get(IsoFields.WEEK_BASED_YEAR) + "-W"
        + String.format("%02d", d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    long[] weekly = weeklyDefaults.computeIfAbsent(week,
        w -> new long[FeatureContract.FEATURE_COUNT]);
    weeklyRows.merge(week, (long) features.size(), Long::sum);
    for (String line : features) {
      Map<String, JsonNode> f = pick(line);
      if (f.containsKey("is_quality_ready") && f.get("is_quality_ready").asBoolean()) {
        ready++;
      }
      for (String v : List.of("feature_version", "feature_schema_version",
          "quality_schema_version")) {
        JsonNode value = f.get(v);
        String text = value == null || value.isNull() ? null : value.asText();
        if (!java.util.Objects.equals(text, CURRENT.get(v))) {
          versions.putIfAbsent(v, String.valueOf(text));
        }
      }
      JsonNode idx = f.get("default_feature_indices");
      if (idx != null && idx.isArray()) {
        for (JsonNode i : idx) {
          int k = i.asInt();
          if (k < 0 || k >= FeatureContract.FEATURE_COUNT) {
            continue;
          }
          weekly[k]++;
          if (!d.isBefore(recent)) {
            defaults[k]++;
            JsonNode p = f.get("player_lookup");
            defaultPlayers.get(k).add(p == null ? "" : p.asText());
          }
        }
      }
    }
    return ready;
  }

  /** The date's gap rows: groups its open gaps by reason; returns how many are open. */
  private int readGaps(LocalDate d, List<String> gapLines) throws IOException {
    int open = 0;
    for (String line : gapLines) {
      Map<String, Object> g = Json.readObject(line);
      if (g.get("resolved_at") != null) {
        continue;
      }
      open++;
      String reason = String.valueOf(g.get("reason"));
      GapGroup group = gaps.computeIfAbsent(reason, GapGroup::new);
      group.count++;
      group.byDate.merge(d, 1L, Long::sum);
      group.first = group.first == null ? d : group.first;
      group.last = d;
      Object at = g.get("detected_at");
      if (at != null && (group.oldestDetectedAt == null
          || at.toString().compareTo(group.oldestDetectedAt) < 0)) {
        group.oldestDetectedAt = at.toString();
      }
    }
    return open;
  }

  /** The alerts and coverage verdict of the date's health row (if any). */
  private void readHealth(LocalDate d, List<String> lines) throws IOException {
    for (String line : lines) {
      Map<String, Object> h = Json.readObject(line);
      if (h.get("alerts") instanceof List<?> a && !a.isEmpty()) {
        alerts.put(d, a.stream().map(String::valueOf).toList());
      }
      if (Boolean.FALSE.equals(h.get("coverage_ok"))) {
        lowCoverage.add(d);
      }
    }
  }

  public static StoreStatus of(LocalDate start, LocalDate end, int days, int mergeDays,
      StatusSource source) throws IOException {
    return new StoreStatus(start, end, days, mergeDays, source);
  }

  public boolean needsRebuild() {
    return !repair.isEmpty();
  }

  /** Distinct players with feature {@code i} defaulted over the last days. */
  public int defaultPlayers(int i) {
    return defaultPlayers.get(i).size();
  }

  /** The features defaulted most over the last days (ties: lower index), at most {@code n}. */
  public List<Integer> topDefaulted(int n) {
    List<Integer> idx = new ArrayList<>();
    for (int i = 0; i < defaults.length; i++) {
      if (defaults[i] > 0) {
        idx.add(i);
      }
    }
    idx.sort((a, b) -> defaults[a] != defaults[b] ? Long.compare(defaults[b], defaults[a])
        : Integer.compare(a, b));
    return idx.subList(0, Math.min(n, idx.size()));
  }

  private static Map<String, String> currentVersions() {
    Map<String, String> m = new HashMap<>();
    m.put("feature_version", FeatureContract.FEATURE_VERSION);
    m.put("feature_schema_version", FeatureContract.FEATURE_SCHEMA_VERSION);
    m.put("quality_schema_version", FeatureContract.QUALITY_SCHEMA_VERSION);
    return m;
  }

  /** The current value (a scalar, or an array of scalars) as a tree, without the mapper. */
  private static JsonNode value(JsonParser p) throws IOException {
    com.fasterxml.jackson.databind.node.JsonNodeFactory f =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
    switch (p.currentToken()) {
      case START_ARRAY -> {
        com.fasterxml.jackson.databind.node.ArrayNode a = f.arrayNode();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          a.add(value(p));
        }
        return a;
      }
      case VALUE_STRING -> {
        return f.textNode(p.getText());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return f.booleanNode(p.getBooleanValue());
      }
      case VALUE_NUMBER_INT -> {
        return f.numberNode(p.getLongValue());
      }
      case VALUE_NUMBER_FLOAT -> {
        return f.numberNode(p.getDoubleValue());
      }
      case VALUE_NULL -> {
        return f.nullNode();
      }
      default -> {
        p.skipChildren();
        return f.nullNode();
      }
    }
  }

  /** The status fields of one feature row; every other field is skipped unparsed. */
  static Map<String, JsonNode> pick(String line) throws IOException {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    try (JsonParser p = Json.mapper().getFactory().createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not a JSON object: " + line.substring(0,
            Math.min(80, line.length())));
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        if (FEATURE_FIELDS.contains(name)) {
          out.put(name, value(p));
        } else {
          p.skipChildren();
        }
      }
    }
    return out;
  }
}
