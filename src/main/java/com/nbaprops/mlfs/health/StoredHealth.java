package com.nbaprops.mlfs.health;

import com.nbaprops.mlfs.contract.FeatureContract;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads what a baseline needs from a stored {@code feature_store_daily_health} row (an NDJSON
 * object or a BigQuery {@code TableRow}: numbers as numbers or as text). A row that is not a
 * health row fails with the field it lacks.
 */
public final class StoredHealth {
  private StoredHealth() {}

  public static DaySummary summary(Map<String, ?> row) {
    Object date = require(row, "game_date", "?");
    LocalDate d = LocalDate.parse(date.toString().substring(0, 10));
    long featureRows = whole(require(row, "feature_rows", d));
    Object features = require(row, "features", d);
    if (!(features instanceof List<?> list)) {
      throw new IllegalArgumentException("stored health row of " + d + ": features is not a list");
    }
    DaySummary.FeatureDay[] days = new DaySummary.FeatureDay[FeatureContract.FEATURE_COUNT];
    for (Object o : list) {
      if (!(o instanceof Map<?, ?> f)) {
        throw new IllegalArgumentException("stored health row of " + d + ": a features entry is "
            + "not a record");
      }
      @SuppressWarnings("unchecked")
      Map<String, ?> m = (Map<String, ?>) f;
      int i = (int) whole(require(m, "index", d));
      if (i < 0 || i >= days.length) {
        throw new IllegalArgumentException("stored health row of " + d + ": feature index " + i
            + " is not 0-" + (days.length - 1));
      }
      days[i] = new DaySummary.FeatureDay(i, whole(require(m, "default_count", d)),
          whole(require(m, "value_count", d)), real(m.get("mean")), real(m.get("stddev")));
    }
    List<DaySummary.FeatureDay> out = new ArrayList<>();
    for (int i = 0; i < days.length; i++) {
      if (days[i] == null) {
        throw new IllegalArgumentException("stored health row of " + d + ": feature " + i
            + " is missing from features");
      }
      out.add(days[i]);
    }
    return new DaySummary(d, featureRows, out);
  }

  private static Object require(Map<String, ?> m, String field, Object date) {
    Object v = m.get(field);
    if (v == null) {
      throw new IllegalArgumentException("stored health row of " + date + ": " + field
          + " is missing");
    }
    return v;
  }

  private static long whole(Object v) {
    return new BigDecimal(v.toString()).longValueExact();
  }

  private static Double real(Object v) {
    return v == null ? null : Double.valueOf(v.toString());
  }
}
