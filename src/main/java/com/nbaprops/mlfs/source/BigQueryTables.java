package com.nbaprops.mlfs.source;

import com.nbaprops.mlfs.FeatureStoreOptions;
import com.nbaprops.mlfs.OptionsValidator.InvalidOptionsException;
import com.nbaprops.mlfs.contract.OutputSchema;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Resolves the BigQuery table of every source and output from the options: the table option
 * ({@code TABLE}, {@code DATASET.TABLE} or {@code PROJECT:DATASET.TABLE}), its dataset option, and
 * {@code --bigQueryProject} (else {@code --project}). The one place that maps tables to options.
 */
public final class BigQueryTables {
  private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9_-]+$");
  private static final Pattern PROJECT = Pattern.compile("^[a-z][a-z0-9.:-]{3,62}$");

  /** Source tables: the option getter of the table name and of its dataset. */
  public static final Map<String, Function<FeatureStoreOptions, String>[]> SOURCES = sources();
  /** Output tables likewise. */
  public static final Map<String, Function<FeatureStoreOptions, String>[]> OUTPUTS = outputs();

  private BigQueryTables() {}

  @SafeVarargs
  private static Function<FeatureStoreOptions, String>[] pair(
      Function<FeatureStoreOptions, String>... f) {
    return f;
  }

  private static Map<String, Function<FeatureStoreOptions, String>[]> sources() {
    Map<String, Function<FeatureStoreOptions, String>[]> m = new LinkedHashMap<>();
    m.put("player_game_summary", pair(FeatureStoreOptions::getPlayerGameSummaryTable,
        FeatureStoreOptions::getAnalyticsDataset));
    m.put("upcoming_player_game_context", pair(
        FeatureStoreOptions::getUpcomingPlayerGameContextTable,
        FeatureStoreOptions::getAnalyticsDataset));
    m.put("player_daily_cache", pair(FeatureStoreOptions::getPlayerDailyCacheTable,
        FeatureStoreOptions::getPrecomputeDataset));
    m.put("player_composite_factors", pair(FeatureStoreOptions::getPlayerCompositeFactorsTable,
        FeatureStoreOptions::getPrecomputeDataset));
    m.put("player_shot_zone_analysis", pair(FeatureStoreOptions::getPlayerShotZoneAnalysisTable,
        FeatureStoreOptions::getPrecomputeDataset));
    m.put("team_defense_zone_analysis", pair(
        FeatureStoreOptions::getTeamDefenseZoneAnalysisTable,
        FeatureStoreOptions::getPrecomputeDataset));
    m.put("team_offense_game_summary", pair(FeatureStoreOptions::getTeamOffenseGameSummaryTable,
        FeatureStoreOptions::getAnalyticsDataset));
    m.put("odds_api_player_points_props", pair(
        FeatureStoreOptions::getOddsApiPlayerPointsPropsTable, FeatureStoreOptions::getRawDataset));
    m.put("bettingpros_player_points_props", pair(
        FeatureStoreOptions::getBettingprosPlayerPointsPropsTable,
        FeatureStoreOptions::getRawDataset));
    return m;
  }

  private static Map<String, Function<FeatureStoreOptions, String>[]> outputs() {
    Map<String, Function<FeatureStoreOptions, String>[]> m = new LinkedHashMap<>();
    m.put(OutputSchema.FEATURE_STORE.name(), pair(FeatureStoreOptions::getFeatureStoreTable,
        FeatureStoreOptions::getPredictionsDataset));
    m.put(OutputSchema.GAPS.name(), pair(FeatureStoreOptions::getGapsTable,
        FeatureStoreOptions::getPredictionsDataset));
    m.put(OutputSchema.HEALTH.name(), pair(FeatureStoreOptions::getHealthTable,
        FeatureStoreOptions::getPredictionsDataset));
    m.put(OutputSchema.DEAD_LETTERS.name(), pair(FeatureStoreOptions::getDeadLettersTable,
        FeatureStoreOptions::getPredictionsDataset));
    m.put(OutputSchema.RUN_HISTORY.name(), pair(FeatureStoreOptions::getRunHistoryTable,
        FeatureStoreOptions::getReferenceDataset));
    return m;
  }

  /** The data project: --bigQueryProject, else --project; required for BigQuery. */
  public static String project(FeatureStoreOptions o) {
    String p = o.getBigQueryProject() != null ? o.getBigQueryProject() : o.getProject();
    if (p == null || p.isEmpty()) {
      throw new InvalidOptionsException("BigQuery needs a project: pass --project=PROJECT (or "
          + "--bigQueryProject=PROJECT for the tables' project)");
    }
    if (!PROJECT.matcher(p).matches()) {
      String option = o.getBigQueryProject() != null ? "--bigQueryProject" : "--project";
      throw new InvalidOptionsException(option + "=" + p + " is not a project id: a project id is "
          + "4 to 63 characters, lowercase letters, digits and hyphens, starting with a letter "
          + "(e.g. my-project-123; domain-scoped: example.com:my-project)");
    }
    return p;
  }

  /** {@code PROJECT:DATASET.TABLE} of a source or output table. */
  public static String spec(FeatureStoreOptions o, String table) {
    Function<FeatureStoreOptions, String>[] f = SOURCES.containsKey(table) ? SOURCES.get(table)
        : OUTPUTS.get(table);
    if (f == null) {
      throw new IllegalArgumentException("unknown table " + table);
    }
    String name = f[0].apply(o);
    String dataset = f[1].apply(o);
    String project = null;
    if (name.contains(":")) {
      project = name.substring(0, name.indexOf(':'));
      name = name.substring(name.indexOf(':') + 1);
    }
    if (name.contains(".")) {
      dataset = name.substring(0, name.indexOf('.'));
      name = name.substring(name.indexOf('.') + 1);
    }
    if (project == null) {
      project = project(o);
    }
    for (String part : new String[] {dataset, name}) {
      if (!NAME.matcher(part).matches()) {
        throw new InvalidOptionsException("BigQuery table of " + table + ": '" + part
            + "' is not a dataset or table name (letters, digits, '_' and '-')");
      }
    }
    return project + ":" + dataset + "." + name;
  }
}
