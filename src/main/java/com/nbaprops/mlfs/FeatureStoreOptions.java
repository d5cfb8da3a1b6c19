package com.nbaprops.mlfs;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** Every option of the feature store job; {@code --help} prints these descriptions. */
public interface FeatureStoreOptions extends PipelineOptions {

  @Description("backfill: the roster of each date is its player_game_summary rows (DNP rows "
      + "included); daily: the roster is the upcoming_player_game_context rows of one date.")
  @Default.String("backfill")
  String getMode();

  void setMode(String value);

  @Description("First game date of the run, YYYY-MM-DD (inclusive).")
  String getStartDate();

  void setStartDate(String value);

  @Description("Last game date of the run, YYYY-MM-DD (inclusive). Defaults to --startDate. In "
      + "daily mode it must equal the start date.")
  String getEndDate();

  void setEndDate(String value);

  @Description("Daily mode: the one game date, YYYY-MM-DD (synonym of --startDate/--endDate). "
      + "When no date is given in daily mode, today in America/New_York is used.")
  String getGameDate();

  void setGameDate(String value);

  @Description("Also build rows for the first 14 days of a regular season (normally skipped as "
      + "gaps with reason 'bootstrap'); such rows get early_season_flag = true.")
  @Default.Boolean(false)
  Boolean getIncludeBootstrap();

  void setIncludeBootstrap(Boolean value);

  @Description("Folder holding one sub-folder per source table (player_game_summary/, "
      + "player_daily_cache/, ...) of *.ndjson or *.ndjson.gz files, as data-contracts.md says. "
      + "Required with --source=files.")
  String getInputDir();

  void setInputDir(String value);

  @Description("Folder the file sink writes to: ml_feature_store_v2/, feature_store_gaps/, "
      + "pipeline_dead_letters/ and processor_run_history/. Required with --sink=files.")
  String getOutputDir();

  void setOutputDir(String value);

  @Description("Identifier stamped on every output row and on the run-history row. Default: "
      + "mlfs_<mode>_<start>_<end>_<UTC time of launch>.")
  String getRunId();

  void setRunId(String value);

  @Description("Wait for the job to finish, then print the breakdown and write the run-history "
      + "row. Default: true on the DirectRunner, false otherwise (a Flex Template launch must "
      + "return right after submitting).")
  Boolean getWaitUntilFinish();

  void setWaitUntilFinish(Boolean value);
}
