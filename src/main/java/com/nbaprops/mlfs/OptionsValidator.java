package com.nbaprops.mlfs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.nbaprops.mlfs.features.EntryProcessor.RunStamp;
import com.nbaprops.mlfs.history.PlayerSweep.Mode;
import com.nbaprops.mlfs.readiness.Readiness;
import com.nbaprops.mlfs.source.ReadFileSources;
import com.nbaprops.mlfs.source.SourceTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;

/**
 * Checks the options before any pipeline is built and turns them into a {@link RunConfig}. Every
 * message says what to pass instead.
 */
public final class OptionsValidator {
  private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");
  private static final Pattern RUN_ID = Pattern.compile("^[A-Za-z0-9_.-]{1,128}$");

  /** A problem with the options: the message is meant for the user as is. */
  public static final class InvalidOptionsException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidOptionsException(String message) {
      super(message);
    }
  }

  private OptionsValidator() {}

  public static RunConfig validate(FeatureStoreOptions o, Instant now) {
    Mode mode = o.getMode() == null ? Mode.BACKFILL : o.getMode();
    LocalDate game = parseDate("--gameDate", o.getGameDate());
    LocalDate start = parseDate("--startDate", o.getStartDate());
    LocalDate end = parseDate("--endDate", o.getEndDate());
    if (game != null) {
      if ((start != null && !start.equals(game)) || (end != null && !end.equals(game))) {
        throw new InvalidOptionsException("--gameDate=" + game + " disagrees with --startDate/"
            + "--endDate: pass only --gameDate (one date) or only --startDate/--endDate");
      }
      start = game;
      end = game;
    }
    if (mode == Mode.DAILY) {
      if (start == null && end == null) {
        start = LocalDate.ofInstant(now, ZoneId.of("America/New_York"));
        end = start;
      } else if (start == null || end == null) {
        start = start == null ? end : start;
        end = start;
      } else if (!start.equals(end)) {
        throw new InvalidOptionsException("daily mode runs one date, got " + start + " to " + end
            + ": pass --gameDate=YYYY-MM-DD, or use --mode=backfill for a range");
      }
    } else {
      if (start == null) {
        throw new InvalidOptionsException(
            "backfill needs a date range: pass --startDate=YYYY-MM-DD [--endDate=YYYY-MM-DD]");
      }
      if (end == null) {
        end = start;
      }
    }
    if (end.isBefore(start)) {
      throw new InvalidOptionsException("--endDate=" + end + " is before --startDate=" + start
          + ": pass an end date on or after the start date");
    }
    String runId = o.getRunId();
    Instant created = now.truncatedTo(ChronoUnit.SECONDS);
    if (runId == null || runId.isEmpty()) {
      runId = "mlfs_" + mode.name().toLowerCase(Locale.ROOT) + "_" + start + "_" + end + "_"
          + created.toString().replace(":", "").replace("-", "");
    } else if (!RUN_ID.matcher(runId).matches()) {
      throw new InvalidOptionsException("--runId=" + runId + " may only hold letters, digits, "
          + "'_', '.' and '-' (it names output files)");
    }
    return new RunConfig(mode, start, end, bootstrapDays(o),
        new RunStamp(runId, created.toString()), playerShards(o), safety(o, mode));
  }

  /** Largest {@code --bootstrapDays}: two months, well past any season's opening weeks. */
  static final int MAX_BOOTSTRAP_DAYS = 60;

  /** {@code --bootstrapDays} (default the contract's 14); {@code --includeBootstrap} means 0. */
  static int bootstrapDays(FeatureStoreOptions o) {
    Integer days = o.getBootstrapDays();
    boolean include = Boolean.TRUE.equals(o.getIncludeBootstrap());
    if (days == null) {
      return include ? 0 : com.nbaprops.mlfs.contract.Seasons.BOOTSTRAP_DAYS;
    }
    if (days < 0 || days > MAX_BOOTSTRAP_DAYS) {
      throw new InvalidOptionsException("--bootstrapDays=" + days + " is out of range: pass 0 to "
          + MAX_BOOTSTRAP_DAYS + " (0 builds every day; the contract's default is 14)");
    }
    if (include && days != 0) {
      throw new InvalidOptionsException("--includeBootstrap means --bootstrapDays=0, but "
          + "--bootstrapDays=" + days + " was passed: pass one of them");
    }
    return days;
  }

  /** The readiness gate and the protection of dates without roster. */
  static RunConfig.Safety safety(FeatureStoreOptions o, Mode mode) {
    int min = o.getMinUpstreamRows() == null ? Readiness.Policy.DEFAULT_MIN_UPSTREAM_ROWS
        : o.getMinUpstreamRows();
    if (min < 0) {
      throw new InvalidOptionsException("--minUpstreamRows=" + min + " is negative: pass a row "
          + "count (default " + Readiness.Policy.DEFAULT_MIN_UPSTREAM_ROWS + "), or "
          + "--skipDependencyCheck to turn the gate off");
    }
    if (o.getLockTimeoutHours() != null && o.getLockTimeoutHours() < 1) {
      throw new InvalidOptionsException("--lockTimeoutHours=" + o.getLockTimeoutHours()
          + " must be at least 1: pass the hours after which another host's lock is stale");
    }
    return new RunConfig.Safety(new Readiness.Policy(mode == Mode.DAILY, min,
        Boolean.TRUE.equals(o.getStrictDependencies()),
        Boolean.TRUE.equals(o.getSkipDependencyCheck())),
        Boolean.TRUE.equals(o.getReplaceEmptyDates()), List.of(), minQualityReadyPct(o));
  }

  /** {@code --minQualityReadyPct}: a percentage from 0 to 100, or null (no coverage gate). */
  static Double minQualityReadyPct(FeatureStoreOptions o) {
    Double p = o.getMinQualityReadyPct();
    if (p != null && (p.isNaN() || p < 0 || p > 100)) {
      throw new InvalidOptionsException("--minQualityReadyPct=" + p + " is out of range: pass a "
          + "percentage from 0 to 100 (e.g. 60: a date below 60 % quality-ready roster entries "
          + "is low_coverage), or leave it out for no coverage gate");
    }
    return p;
  }

  /**
   * The required source tables of a mode: the roster source (backfill: player_game_summary, daily:
   * upcoming_player_game_context) and team_offense_game_summary (the league index).
   */
  public static List<SourceTable<?>> requiredTables(Mode mode) {
    return List.of(mode == Mode.DAILY ? SourceTable.UPCOMING_PLAYER_GAME_CONTEXT
        : SourceTable.PLAYER_GAME_SUMMARY, SourceTable.TEAM_OFFENSE_GAME_SUMMARY);
  }

  /**
   * Checks which source tables the input folder lacks: a missing required table is an error (exit
   * 2), a missing optional one a warning (an error under {@code --strictDependencies}). Returns
   * the config with the warnings. BigQuery sources are checked by the read itself.
   */
  public static RunConfig checkTables(FeatureStoreOptions o, RunConfig config) {
    if (source(o) != Io.FILES) {
      return config;
    }
    List<String> missing = ReadFileSources.missingTables(o.getInputDir());
    List<String> required = new ArrayList<>();
    for (SourceTable<?> t : requiredTables(config.mode())) {
      if (missing.contains(t.name())) {
        required.add(t.name());
      }
    }
    if (!required.isEmpty()) {
      throw new InvalidOptionsException("required source table(s) missing under " + o.getInputDir()
          + ": " + String.join(", ", required) + " (no " + required.get(0) + "/*.ndjson[.gz]); a "
          + config.mode().name().toLowerCase(Locale.ROOT) + " run needs "
          + String.join(" and ", requiredTables(config.mode()).stream().map(SourceTable::name)
              .toList()));
    }
    List<String> warnings = new ArrayList<>();
    for (String t : missing) {
      warnings.add("optional source table " + t + " has no files under " + o.getInputDir()
          + ": read as an empty table");
    }
    if (!warnings.isEmpty() && config.safety().gate().strict()) {
      throw new InvalidOptionsException("--strictDependencies: optional source table(s) missing "
          + "under " + o.getInputDir() + ": " + String.join(", ", missing));
    }
    RunConfig.Safety s = config.safety();
    return config.withSafety(s.withWarnings(warnings));
  }

  /** {@code --playerShards}, or its default: 4 per core on the DirectRunner, else 0 (by player). */
  static int playerShards(FeatureStoreOptions o) {
    Integer n = o.getPlayerShards();
    if (n == null) {
      boolean direct = o.getRunner() == null
          || o.getRunner() == org.apache.beam.runners.direct.DirectRunner.class;
      return direct ? 4 * Runtime.getRuntime().availableProcessors() : 0;
    }
    if (n < 0 || n > 100_000) {
      throw new InvalidOptionsException("--playerShards=" + n + " is out of range: pass 0 (one "
          + "join key per player) or a shard count from 1 to 100000");
    }
    return n;
  }

  /** Where a job reads from or writes to ({@code --source}, {@code --sink}), in any case. */
  public enum Io {
    FILES, BIGQUERY;

    @JsonCreator
    public static Io parse(String text) {
      return valueOf(text.toUpperCase(Locale.ROOT));
    }
  }

  /** {@code --source}: files unless a job says otherwise. */
  public static Io source(FeatureStoreOptions o) {
    return o.getSource() == null ? Io.FILES : o.getSource();
  }

  /** {@code --sink}: files unless a job says otherwise. */
  public static Io sink(FeatureStoreOptions o) {
    return o.getSink() == null ? Io.FILES : o.getSink();
  }

  /** Checks the source and sink choices and what each needs. */
  public static void validateIo(FeatureStoreOptions o) {
    FileSystems.setDefaultPipelineOptions(o);
    Io source = source(o);
    Io sink = sink(o);
    if (source == Io.BIGQUERY || sink == Io.BIGQUERY) {
      for (String t : com.nbaprops.mlfs.source.BigQueryTables.SOURCES.keySet()) {
        com.nbaprops.mlfs.source.BigQueryTables.spec(o, t);
      }
      for (String t : com.nbaprops.mlfs.source.BigQueryTables.OUTPUTS.keySet()) {
        com.nbaprops.mlfs.source.BigQueryTables.spec(o, t);
      }
    }
    if (sink == Io.BIGQUERY && (o.getTempLocation() == null
        || o.getTempLocation().isEmpty())) {
      throw new InvalidOptionsException("--sink=bigquery loads files: pass "
          + "--tempLocation=gs://BUCKET/tmp");
    }
    if (source == Io.FILES) {
      validateInput(o);
    }
    if (sink == Io.FILES) {
      validateOutput(o.getOutputDir());
    }
  }

  /** A local output folder must exist or be creatable, and be writable (remote ones: at run). */
  private static void validateOutput(String dir) {
    if (dir == null || dir.isEmpty()) {
      throw new InvalidOptionsException("no output folder: pass --outputDir=FOLDER");
    }
    if (dir.matches("^[a-zA-Z][a-zA-Z0-9+.-]+://.*")) {
      return;
    }
    Path path = Paths.get(dir);
    try {
      Files.createDirectories(path);
    } catch (IOException | RuntimeException e) {
      throw new InvalidOptionsException("output folder " + dir + " cannot be created ("
          + e.getClass().getSimpleName() + "): pass --outputDir=a folder you can write to");
    }
    if (!Files.isDirectory(path) || !Files.isWritable(path)) {
      throw new InvalidOptionsException("output folder " + dir + " is not a writable folder: "
          + "pass --outputDir=a folder you can write to");
    }
  }

  private static void validateInput(FeatureStoreOptions o) {
    if (o.getInputDir() == null || o.getInputDir().isEmpty()) {
      throw new InvalidOptionsException("no input folder: pass --inputDir=FOLDER (one sub-folder "
          + "per source table; scripts/sample-league makes one)");
    }
    if (com.nbaprops.mlfs.sink.OutputFolder.isLocal(o.getInputDir())
        && !Files.isDirectory(Path.of(o.getInputDir()))) {
      throw new InvalidOptionsException("input folder " + o.getInputDir() + " does not exist"
          + " (relative to " + Path.of("").toAbsolutePath() + "): pass --inputDir=FOLDER holding "
          + "player_game_summary/ and the other tables");
    }
    if (!exists(o.getInputDir())) {
      throw new InvalidOptionsException("input folder " + o.getInputDir() + " holds no table "
          + "files (no TABLE/*.ndjson[.gz] under it): pass --inputDir=FOLDER holding "
          + "player_game_summary/ and the other tables (scripts/sample-league makes one)");
    }
    if (ReadFileSources.missingTables(o.getInputDir()).size() == SourceTable.ALL.size()) {
      throw new InvalidOptionsException("input folder " + o.getInputDir() + " holds none of the "
          + "source tables (no " + SourceTable.PLAYER_GAME_SUMMARY.name() + "/*.ndjson[.gz] and "
          + "so on): pass --inputDir=FOLDER with one sub-folder per table (scripts/sample-league "
          + "makes one)");
    }
  }

  private static boolean exists(String dir) {
    try {
      String pattern = (dir.endsWith("/") ? dir : dir + "/") + "*/*";
      MatchResult m = FileSystems.match(pattern, EmptyMatchTreatment.ALLOW);
      return m.status() == MatchResult.Status.OK && !m.metadata().isEmpty();
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Checks the text of the Boolean, Integer, Double and enum options of the job before Beam parses
   * them, so the message names the option ({@code --includeBootstrap=yes} is not true or false)
   * rather than a Jackson type; a Boolean option without a value means true.
   */
  public static void checkArgumentTypes(String[] args) {
    for (String a : args) {
      if (!a.startsWith("--")) {
        continue;
      }
      int eq = a.indexOf('=');
      String name = a.substring(2, eq < 0 ? a.length() : eq);
      Class<?> type = optionType(name);
      if (type == null || (eq < 0 && !type.isEnum())) {
        continue; // not an option of the job's, or a bare Boolean (true)
      }
      String value = eq < 0 ? "" : a.substring(eq + 1);
      if (type != null && type.isEnum() && Arrays.stream(type.getEnumConstants())
          .noneMatch(c -> ((Enum<?>) c).name().equalsIgnoreCase(value))) {
        throw new InvalidOptionsException("--" + name + "=" + value + " is not a " + name
            + ": pass " + Arrays.stream(type.getEnumConstants())
                .map(c -> "--" + name + "=" + ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(" or ")));
      }
      if (type == Boolean.class && !value.equalsIgnoreCase("true")
          && !value.equalsIgnoreCase("false")) {
        throw new InvalidOptionsException("--" + name + "=" + value + " is not true or false: "
            + "pass --" + name + " (true) or --" + name + "=false");
      }
      if (type == Integer.class && !value.matches("^-?\\d{1,9}$")) {
        throw new InvalidOptionsException("--" + name + "=" + value + " is not a whole number: "
            + "pass --" + name + "=N");
      }
      if (type == Double.class && !value.matches("^-?\\d{1,9}(\\.\\d+)?$")) {
        throw new InvalidOptionsException("--" + name + "=" + value + " is not a number: "
            + "pass --" + name + "=N (digits, an optional decimal point)");
      }
    }
  }

  private static Class<?> optionType(String name) {
    String getter = "get" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    try {
      return FeatureStoreOptions.class.getMethod(getter).getReturnType();
    } catch (NoSuchMethodException | RuntimeException e) {
      return null;
    }
  }

  public static LocalDate parseDate(String option, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (!DATE.matcher(value).matches()) {
      throw new InvalidOptionsException(option + "=" + value + " is not a date: pass YYYY-MM-DD");
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidOptionsException(option + "=" + value + " is not a calendar date: pass "
          + "YYYY-MM-DD");
    }
  }
}
