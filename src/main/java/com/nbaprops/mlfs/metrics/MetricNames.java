package com.nbaprops.mlfs.metrics;

/** Every Beam metric of the pipeline is named here (namespace {@code mlfs}). */
public final class MetricNames {
  public static final String NAMESPACE = "mlfs";

  public static final String ROSTER_ENTRIES = "roster_entries";
  public static final String FEATURE_ROWS = "feature_rows";
  public static final String GAP_ROWS = "gap_rows";
  public static final String DEAD_LETTER_ROWS = "dead_letter_rows";
  public static final String FILES_WRITTEN = "files_written";
  public static final String FILES_DELETED = "files_deleted";
  /** Dates of the range whose files the file sink has replaced (progress lines, breakdown). */
  public static final String DATES_WRITTEN = "dates_written";
  /** Open gaps a run no longer produced (kept as resolved history), and resolved gaps back open. */
  public static final String GAPS_RESOLVED = "gaps_resolved";
  public static final String GAPS_REOPENED = "gaps_reopened";
  public static final String IGNORED_FILES = "ignored_input_files";
  /** BigQuery sink: date partitions of the range cleared because the date now has no rows. */
  public static final String EMPTY_PARTITIONS_CLEARED = "empty_partitions_cleared";

  /** Stages whose DoFn time is measured (distribution of milliseconds per element or group). */
  public static final String STAGE_READ = "read_parse";
  public static final String STAGE_SWEEP = "player_sweep";
  public static final String STAGE_LEAGUE = "league_index";
  public static final String STAGE_BUILD = "build_features";
  public static final String STAGE_WRITE = "write_outputs";

  /** Distribution of the time to build and score one roster entry, in microseconds. */
  public static final String VECTOR_BUILD_US = "vector_build_us";

  private MetricNames() {}

  public static String rowsRead(String table) {
    return "rows_read." + table;
  }

  public static String deadLetters(String table) {
    return "dead_letters." + table;
  }

  public static String outsideWindow(String table) {
    return "outside_window." + table;
  }

  public static String duplicates(String table) {
    return "duplicate_keys." + table;
  }

  public static String gaps(String reason) {
    return "gaps." + reason;
  }

  public static String defaults(int featureIndex) {
    return String.format("defaults.feature_%02d", featureIndex);
  }

  /** As-of fallbacks: a precomputed source missed and a lower option was used. */
  public static String fallback(String source) {
    return "fallbacks." + source;
  }

  /** The readiness census: {@code upstream.<what>.<date>} (what: roster, a table, teams_playing). */
  public static String upstream(String what, java.time.LocalDate date) {
    return UPSTREAM_PREFIX + what + "." + date;
  }

  /** Rows of a date's existing output kept because the date now has no roster. */
  public static String keptRows(String table, java.time.LocalDate date) {
    return KEPT_PREFIX + table + "." + date;
  }

  public static final String UPSTREAM_PREFIX = "upstream.";
  public static final String KEPT_PREFIX = "kept.";
  /** Temporary files of killed runs removed at start. */
  public static final String TMP_FILES_REMOVED = "tmp_files_removed";

  public static String stageMillis(String stage) {
    return "stage_ms." + stage;
  }

  /** The health counters: {@code health.<what>[.<date>][.<detail>]} (see {@code HealthCounts}). */
  public static final String HEALTH_PREFIX = "health.";
  /** Distinct players with a feature row in the run. */
  public static final String HEALTH_PLAYERS = HEALTH_PREFIX + "players";

  /** Distinct players with feature {@code i} defaulted in at least one row. */
  public static String healthDefaultPlayers(int featureIndex) {
    return HEALTH_PREFIX + "default_players." + featureIndex;
  }

  /** A per-date health count: roster, quality_ready, training_ready, low_coverage. */
  public static String healthDate(String what, java.time.LocalDate date) {
    return HEALTH_PREFIX + what + "." + date;
  }

  /** Rows of a quality tier over the run. */
  public static String healthTier(String tier) {
    return HEALTH_PREFIX + "tier." + tier;
  }

  public static final String HEALTH_ALERT_PREFIX = HEALTH_PREFIX + "alert.";

  /** One alert of one date: {@code health.alert.<date>.<alert>}. */
  public static String healthAlert(java.time.LocalDate date, String alert) {
    return HEALTH_ALERT_PREFIX + date + "." + alert;
  }
}
