package com.nbaprops.mlfs;

import com.nbaprops.mlfs.OptionsValidator.Io;
import com.nbaprops.mlfs.history.PlayerSweep.Mode;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.io.gcp.bigquery.BigQueryOptions;

/** Every option of the feature store job; {@code --help} prints these descriptions. */
public interface FeatureStoreOptions extends BigQueryOptions {

  @Description("backfill: the roster of each date is its player_game_summary rows (DNP rows "
      + "included); daily: the roster is the upcoming_player_game_context rows of one date.")
  @Default.Enum("BACKFILL")
  Mode getMode();

  void setMode(Mode value);

  @Description("First game date of the run, YYYY-MM-DD (inclusive).")
  String getStartDate();

  void setStartDate(String value);

  @Description("Last game date of the run, YYYY-MM-DD (inclusive). Defaults to --startDate. In "
      + "daily mode it must equal the start date.")
  String getEndDate();

  void setEndDate(String value);

  @Description("The one game date of the run, YYYY-MM-DD, in either mode (synonym of --startDate=D "
      + "--endDate=D). When no date is given in daily mode, today in America/New_York is used.")
  String getGameDate();

  void setGameDate(String value);

  @Description("Also build rows for the first 14 days of a regular season (normally skipped as "
      + "gaps with reason 'bootstrap'); such rows get early_season_flag = true.")
  @Default.Boolean(false)
  Boolean getIncludeBootstrap();

  void setIncludeBootstrap(Boolean value);

  @Description("Days at the start of each regular season skipped as 'bootstrap' gaps (the "
      + "players' histories are still short). Default 14, the contract's; 0 builds every day "
      + "(as --includeBootstrap), 7 or 3 a shorter bootstrap. Rows of days 0-13 that are built "
      + "get early_season_flag = true.")
  Integer getBootstrapDays();

  void setBootstrapDays(Integer value);

  @Description("Upstream readiness gate: the fewest player_daily_cache and player_composite_factors "
      + "rows dated D a date needs (capped at half the date's roster for small slates). Below it, "
      + "or with under half the teams playing covered by team_defense_zone_analysis, or with no "
      + "roster, a daily run writes nothing and exits 4 (FAILED_DEPENDENCIES).")
  @Default.Integer(50)
  Integer getMinUpstreamRows();

  void setMinUpstreamRows(Integer value);

  @Description("Coverage gate for the prediction step: a date whose quality-ready share of the "
      + "roster (quality_ready_pct of feature_store_daily_health) is below this percentage gets "
      + "coverage_ok = false and a low_coverage alert; the run ends SUCCEEDED_LOW_COVERAGE (a "
      + "local run exits 3). Rows are written either way. Default: no gate (coverage_ok NULL).")
  Double getMinQualityReadyPct();

  void setMinQualityReadyPct(Double value);

  @Description("Write even when the upstream readiness gate fails (daily mode).")
  @Default.Boolean(false)
  Boolean getSkipDependencyCheck();

  void setSkipDependencyCheck(Boolean value);

  @Description("Backfill: let the readiness gate block the run as in daily mode (any date below it "
      + "stops the run), and make a missing optional source table an error.")
  @Default.Boolean(false)
  Boolean getStrictDependencies();

  void setStrictDependencies(Boolean value);

  @Description("Clear the output of dates of the range that now have no roster (postponed games). "
      + "By default such dates keep their existing output and are listed as kept_dates.")
  @Default.Boolean(false)
  Boolean getReplaceEmptyDates();

  void setReplaceEmptyDates(Boolean value);

  @Description("While waiting for the job, print a progress line (stage, rows read, entries "
      + "built, dates written) every this many seconds; 0 prints none.")
  @Default.Integer(5)
  Integer getProgressSeconds();

  void setProgressSeconds(Integer value);

  @Description("A local output folder's lock held by a run on another host counts as stale after "
      + "this many hours (on this host a lock is stale as soon as its process is gone).")
  @Default.Integer(6)
  Integer getLockTimeoutHours();

  void setLockTimeoutHours(Integer value);

  @Description("Folder holding one sub-folder per source table (player_game_summary/, "
      + "player_daily_cache/, ...) of *.ndjson or *.ndjson.gz files, as data-contracts.md says. "
      + "Required with --source=files.")
  String getInputDir();

  void setInputDir(String value);

  @Description("Folder the file sink writes to: ml_feature_store_v2/, feature_store_gaps/, "
      + "feature_store_daily_health/, pipeline_dead_letters/ and processor_run_history/. "
      + "Required with --sink=files.")
  String getOutputDir();

  void setOutputDir(String value);

  @Description("File sink: write each date as game_date=D/part-00000.ndjson.gz (gzip, about 24 "
      + "times smaller; BigQuery, DuckDB, pandas and Spark read it) instead of plain NDJSON.")
  @Default.Boolean(false)
  Boolean getCompressOutputs();

  void setCompressOutputs(Boolean value);

  @Description("Identifier stamped on every output row and on the run-history row. Default: "
      + "mlfs_<mode>_<start>_<end>_<UTC time of launch>.")
  String getRunId();

  void setRunId(String value);

  @Description("Wait for the job to finish, then print the breakdown and write the run-history "
      + "row. Default: true on the DirectRunner, false otherwise (a Flex Template launch must "
      + "return right after submitting).")
  Boolean getWaitUntilFinish();

  void setWaitUntilFinish(Boolean value);

  @Description("Join key of the per-player history pass: 0 = one key per player (the default off "
      + "the DirectRunner), N = N shards of players (default on the DirectRunner: 4 per core, "
      + "which halves a local run's time). Never changes a row.")
  Integer getPlayerShards();

  void setPlayerShards(Integer value);

  @Description("DirectRunner only: keep Beam's per-element immutability and encodability checks "
      + "(off by default in local runs: they double a season's run time; the tests keep them on).")
  @Default.Boolean(false)
  Boolean getDirectRunnerChecks();

  void setDirectRunnerChecks(Boolean value);

  @Description("Where the nine source tables are read from: files (--inputDir, the local NDJSON "
      + "layout) or bigquery (Storage Read API, one date-restricted read per table).")
  @Default.Enum("FILES")
  Io getSource();

  void setSource(Io value);

  @Description("Where the outputs go: files (--outputDir) or bigquery (file loads with "
      + "WRITE_TRUNCATE into one partition per game date, so a re-run replaces its dates).")
  @Default.Enum("FILES")
  Io getSink();

  void setSink(Io value);

  @Description("Project of the BigQuery tables (sources and outputs). Default: --project.")
  String getBigQueryProject();

  void setBigQueryProject(String value);

  @Description("BigQuery dataset nba_analytics (the contract's default).")
  @Default.String("nba_analytics")
  String getAnalyticsDataset();

  void setAnalyticsDataset(String value);

  @Description("BigQuery dataset nba_precompute (the contract's default).")
  @Default.String("nba_precompute")
  String getPrecomputeDataset();

  void setPrecomputeDataset(String value);

  @Description("BigQuery dataset nba_raw (the contract's default).")
  @Default.String("nba_raw")
  String getRawDataset();

  void setRawDataset(String value);

  @Description("BigQuery dataset nba_predictions (the contract's default).")
  @Default.String("nba_predictions")
  String getPredictionsDataset();

  void setPredictionsDataset(String value);

  @Description("BigQuery dataset nba_reference (the contract's default).")
  @Default.String("nba_reference")
  String getReferenceDataset();

  void setReferenceDataset(String value);

  @Description("Name of the player_game_summary table: TABLE (in its dataset), DATASET.TABLE or "
      + "PROJECT:DATASET.TABLE.")
  @Default.String("player_game_summary")
  String getPlayerGameSummaryTable();

  void setPlayerGameSummaryTable(String value);

  @Description("Name of the upcoming_player_game_context table: TABLE (in its dataset), DATASET.TABLE or "
      + "PROJECT:DATASET.TABLE.")
  @Default.String("upcoming_player_game_context")
  String getUpcomingPlayerGameContextTable();

  void setUpcomingPlayerGameContextTable(String value);

  @Description("Name of the player_daily_cache table: TABLE (in its dataset), DATASET.TABLE or "
      + "PROJECT:DATASET.TABLE.")
  @Default.String("player_daily_cache")
  String getPlayerDailyCacheTable();

  void setPlayerDailyCacheTable(String value);

  @Description("Name of the player_composite_factors table: TABLE (in its dataset), DATASET.TABLE or "
      + "PROJECT:DATASET.TABLE.")
  @Default.String("player_composite_factors")
  String getPlayerCompositeFactorsTable();

  void setPlayerCompositeFactorsTable(String value);

  @Description("Name of the player_shot_zone_analysis table: TABLE (in its dataset), DATASET.TABLE or "
      + "PROJECT:DATASET.TABLE.")
  @Default.String("player_shot_zone_analysis")
  String getPlayerShotZoneAnalysisTable();

  void setPlayerShotZoneAnalysisTable(String value);

  @Description("Name of the team_defense_zone_analysis table: TABLE (in its dataset), DATASET.TABLE or "
      + "PROJECT:DATASET.TABLE.")
  @Default.String("team_defense_zone_analysis")
  String getTeamDefenseZoneAnalysisTable();

  void setTeamDefenseZoneAnalysisTable(String value);

  @Description("Name of the team_offense_game_summary table: TABLE (in its dataset), DATASET.TABLE or "
      + "PROJECT:DATASET.TABLE.")
  @Default.String("team_offense_game_summary")
  String getTeamOffenseGameSummaryTable();

  void setTeamOffenseGameSummaryTable(String value);

  @Description("Name of the odds_api_player_points_props table: TABLE (in its dataset), DATASET.TABLE or "
      + "PROJECT:DATASET.TABLE.")
  @Default.String("odds_api_player_points_props")
  String getOddsApiPlayerPointsPropsTable();

  void setOddsApiPlayerPointsPropsTable(String value);

  @Description("Name of the bettingpros_player_points_props table: TABLE (in its dataset), DATASET.TABLE or "
      + "PROJECT:DATASET.TABLE.")
  @Default.String("bettingpros_player_points_props")
  String getBettingprosPlayerPointsPropsTable();

  void setBettingprosPlayerPointsPropsTable(String value);

  @Description("Name of the ml_feature_store_v2 table: TABLE (in its dataset), DATASET.TABLE or "
      + "PROJECT:DATASET.TABLE.")
  @Default.String("ml_feature_store_v2")
  String getFeatureStoreTable();

  void setFeatureStoreTable(String value);

  @Description("Name of the feature_store_gaps table: TABLE (in its dataset), DATASET.TABLE or "
      + "PROJECT:DATASET.TABLE.")
  @Default.String("feature_store_gaps")
  String getGapsTable();

  void setGapsTable(String value);

  @Description("Name of the feature_store_daily_health table: TABLE (in its dataset), "
      + "DATASET.TABLE or PROJECT:DATASET.TABLE.")
  @Default.String("feature_store_daily_health")
  String getHealthTable();

  void setHealthTable(String value);

  @Description("Name of the pipeline_dead_letters table: TABLE (in its dataset), DATASET.TABLE or "
      + "PROJECT:DATASET.TABLE.")
  @Default.String("pipeline_dead_letters")
  String getDeadLettersTable();

  void setDeadLettersTable(String value);

  @Description("Name of the processor_run_history table: TABLE (in its dataset), DATASET.TABLE or "
      + "PROJECT:DATASET.TABLE.")
  @Default.String("processor_run_history")
  String getRunHistoryTable();

  void setRunHistoryTable(String value);
}
