package com.nbaprops.mlfs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.nbaprops.mlfs.OptionsValidator.InvalidOptionsException;
import com.nbaprops.mlfs.history.PlayerSweep.Mode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class OptionsValidatorTest {
  @ClassRule public static final TemporaryFolder TMP = new TemporaryFolder();
  private static final Instant NOW = Instant.parse("2025-01-16T03:00:00Z"); // Jan 15 in New York

  /** As {@code FeatureStorePipeline.run}: the argument check, Beam's parse, the validation. */
  private static RunConfig validate(String... args) {
    PipelineOptionsFactory.register(FeatureStoreOptions.class);
    OptionsValidator.checkArgumentTypes(args);
    return OptionsValidator.validate(
        PipelineOptionsFactory.fromArgs(args).as(FeatureStoreOptions.class), NOW);
  }

  private static String error(String... args) {
    return assertThrows(InvalidOptionsException.class, () -> validate(args)).getMessage();
  }

  @Test
  public void backfillRangeAndDefaults() {
    RunConfig c = validate("--startDate=2024-10-22", "--endDate=2025-04-13");
    assertEquals(Mode.BACKFILL, c.mode());
    assertEquals(LocalDate.of(2024, 10, 22), c.start());
    assertEquals(LocalDate.of(2025, 4, 13), c.end());
    assertEquals("mlfs_backfill_2024-10-22_2025-04-13_20250116T030000Z", c.runId());
    assertEquals(LocalDate.of(2024, 10, 22), validate("--startDate=2024-10-22").end());
  }

  @Test
  public void modeSourceAndSinkAreEnumsThatPipelineOptionsParsesInAnyCase() {
    PipelineOptionsFactory.register(FeatureStoreOptions.class);
    FeatureStoreOptions o = PipelineOptionsFactory.fromArgs("--sink=BigQuery", "--mode=Daily")
        .as(FeatureStoreOptions.class);
    assertEquals(OptionsValidator.Io.BIGQUERY, o.getSink());
    assertEquals(OptionsValidator.Io.FILES, o.getSource()); // the default
    assertEquals(Mode.DAILY, o.getMode());
    assertEquals(Mode.BACKFILL,
        PipelineOptionsFactory.fromArgs().as(FeatureStoreOptions.class).getMode());
    // A value that is none of them is refused before Beam's parse, naming what to pass.
    assertEquals("--sink=parquet is not a sink: pass --sink=files or --sink=bigquery",
        error("--sink=parquet", "--startDate=2024-10-22"));
    assertEquals("--source=s3 is not a source: pass --source=files or --source=bigquery",
        error("--source=s3", "--startDate=2024-10-22"));
    assertEquals("--mode= is not a mode: pass --mode=backfill or --mode=daily",
        error("--mode", "--startDate=2024-10-22")); // a bare enum option
  }

  @Test
  public void playerShardsDefaultToFourPerCoreOnTheDirectRunnerAndOnePerPlayerElsewhere() {
    assertEquals(4 * Runtime.getRuntime().availableProcessors(),
        validate("--startDate=2024-10-22").playerShards());
    assertEquals(0, validate("--startDate=2024-10-22", "--playerShards=0").playerShards());
    assertEquals(5, validate("--startDate=2024-10-22", "--playerShards=5").playerShards());
    assertThat(error("--startDate=2024-10-22", "--playerShards=-1"),
        containsString("--playerShards=-1 is out of range"));
  }

  @Test
  public void dailyTakesGameDateOrTodayInNewYork() {
    RunConfig c = validate("--mode=daily", "--gameDate=2025-01-10");
    assertEquals(Mode.DAILY, c.mode());
    assertEquals(c.start(), c.end());
    assertEquals(LocalDate.of(2025, 1, 10), c.start());
    assertEquals(LocalDate.of(2025, 1, 15), validate("--mode=daily").start());
    assertEquals(LocalDate.of(2025, 1, 9), validate("--mode=DAILY", "--startDate=2025-01-09")
        .start());
  }

  @Test
  public void badInputSaysWhatToPass() {
    assertThat(error("--startDate=2025-1-5"), containsString("pass YYYY-MM-DD"));
    assertThat(error("--startDate=2025-02-30"), containsString("not a calendar date"));
    assertThat(error("--startDate=2025-02-10", "--endDate=2025-02-01"),
        containsString("pass an end date on or after the start date"));
    assertThat(error("--mode=weekly", "--startDate=2025-02-10"),
        containsString("pass --mode=backfill or --mode=daily"));
    assertThat(error("--mode=daily", "--startDate=2025-02-01", "--endDate=2025-02-03"),
        containsString("daily mode runs one date"));
    assertThat(error(), containsString("backfill needs a date range"));
    assertThat(error("--gameDate=2025-02-01", "--startDate=2025-02-02"),
        containsString("disagrees"));
    assertThat(error("--startDate=2025-02-01", "--runId=a b"), containsString("--runId"));
    assertThat(error("--startDate=2025-02-01'; DROP TABLE x; --"), containsString("YYYY-MM-DD"));
  }

  @Test
  public void missingInputFolderFailsBeforeTheBuildWithExitTwo() {
    LocalRun r = LocalRun.run(null, "--startDate=2025-01-01", "--inputDir=/no/such/folder",
        "--outputDir=/tmp/x");
    assertEquals(2, r.exitCode);
    assertThat(r.stderr, containsString("input folder /no/such/folder does not exist"));
    r = LocalRun.run(null, "--startDate=2025-01-01", "--outputDir=/tmp/x");
    assertEquals(2, r.exitCode);
    assertThat(r.stderr, containsString("pass --inputDir=FOLDER"));
    r = LocalRun.run(null, "--startDate=2025-13-01");
    assertEquals(2, r.exitCode);
  }

  @Test
  public void inputWithoutAnyTableAndUnwritableOutputFailBeforeTheBuild() throws Exception {
    // A folder with files but none of the nine table folders: almost surely the wrong path.
    File notALeague = TMP.newFolder("not-a-league");
    Files.createDirectories(notALeague.toPath().resolve("notes"));
    Files.writeString(notALeague.toPath().resolve("notes").resolve("a.txt"), "x",
        StandardOpenOption.CREATE_NEW);
    LocalRun r = LocalRun.run(TMP.newFolder("out").toPath(), "--startDate=2025-01-01",
        "--inputDir=" + notALeague);
    assertEquals(2, r.exitCode);
    assertThat(r.stderr, containsString("holds none of the source tables"));

    // An output "folder" below a regular file cannot be created.
    File file = TMP.newFile("a-file");
    r = LocalRun.run(null, "--startDate=2023-10-25", "--inputDir="
        + LocalRun.resource("leagues/tiny"), "--outputDir=" + file + "/out");
    assertEquals(2, r.exitCode);
    assertThat(r.stderr, containsString("output folder " + file + "/out cannot be created"));
  }

  @Test
  public void helpListsTheKeyOptionsFirstThenTheTablesThenExitCodes() {
    LocalRun r = LocalRun.run(null, "--help");
    assertEquals(0, r.exitCode);
    String help = r.stdout;
    int last = help.indexOf("Key options:");
    // Key options in this order, then a run option, then the table options, then exit codes.
    for (String o : new String[] {"--mode=", "--startDate=", "--endDate=", "--gameDate=",
        "--inputDir=", "--outputDir=", "--source=", "--sink=", "--includeBootstrap=",
        "--bigQueryProject=", "--playerGameSummaryTable=", "Exit status", "MLFS_JAVA_OPTS"}) {
      int at = help.indexOf(o, last);
      assertTrue(o + " missing or out of order", at > last);
      last = at;
    }
    // Every option of the interface is listed once.
    String options = help.substring(help.indexOf("Key options:"));
    for (java.lang.reflect.Method m : FeatureStoreOptions.class.getDeclaredMethods()) {
      if (m.getName().startsWith("get")) {
        String o = "--" + Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4)
            + "=";
        assertEquals(o, options.indexOf("\n  " + o), options.lastIndexOf("\n  " + o));
        assertTrue(o, options.contains("\n  " + o));
      }
    }
    assertThat(help, containsString("  " + ExitCode.REFUSED.code() + "  "));
  }

  @Test
  public void bootstrapDaysDefaultsToFourteenAndIncludeBootstrapMeansZero() {
    assertEquals(14, validate("--startDate=2024-10-22").bootstrapDays());
    assertEquals(0, validate("--startDate=2024-10-22", "--includeBootstrap").bootstrapDays());
    assertEquals(7, validate("--startDate=2024-10-22", "--bootstrapDays=7").bootstrapDays());
    assertEquals(0, validate("--startDate=2024-10-22", "--bootstrapDays=0", "--includeBootstrap")
        .bootstrapDays());
    assertTrue(validate("--startDate=2024-10-22", "--bootstrapDays=0").includeBootstrap());
    assertThat(error("--startDate=2024-10-22", "--bootstrapDays=-1"),
        containsString("--bootstrapDays=-1 is out of range"));
    assertThat(error("--startDate=2024-10-22", "--bootstrapDays=61"), containsString("0 to 60"));
    assertThat(error("--startDate=2024-10-22", "--bootstrapDays=7", "--includeBootstrap"),
        containsString("pass one of them"));
  }

  @Test
  public void badBooleanAndIntegerValuesNameTheOption() {
    LocalRun r = LocalRun.run(null, "--startDate=2025-01-01", "--includeBootstrap=yes");
    assertEquals(2, r.exitCode);
    assertThat(r.stderr, containsString("--includeBootstrap=yes is not true or false"));
    r = LocalRun.run(null, "--startDate=2025-01-01", "--minUpstreamRows=fifty");
    assertEquals(2, r.exitCode);
    assertThat(r.stderr, containsString("--minUpstreamRows=fifty is not a whole number"));
    // true/false in any case and bare flags stay valid.
    OptionsValidator.checkArgumentTypes(new String[] {"--includeBootstrap=TRUE",
        "--skipDependencyCheck", "--minUpstreamRows=-3", "--runner=DirectRunner"});
  }

  @Test
  public void anInvalidProjectIdSaysWhatAValidOneLooksLike() {
    PipelineOptionsFactory.register(FeatureStoreOptions.class);
    FeatureStoreOptions o = PipelineOptionsFactory.fromArgs("--project=p")
        .as(FeatureStoreOptions.class);
    String message = assertThrows(InvalidOptionsException.class,
        () -> com.nbaprops.mlfs.source.BigQueryTables.project(o)).getMessage();
    assertThat(message, containsString("--project=p is not a project id"));
    assertThat(message, containsString("my-project-123"));
    FeatureStoreOptions good = PipelineOptionsFactory.fromArgs("--project=p",
        "--bigQueryProject=my-project-123").as(FeatureStoreOptions.class);
    assertEquals("my-project-123", com.nbaprops.mlfs.source.BigQueryTables.project(good));
  }

  @Test
  public void anEmptyInputFolderIsNotCalledMissing() throws Exception {
    File empty = TMP.newFolder("empty-input");
    LocalRun r = LocalRun.run(TMP.newFolder("out-empty").toPath(), "--startDate=2025-01-01",
        "--inputDir=" + empty);
    assertEquals(2, r.exitCode);
    assertThat(r.stderr, containsString("input folder " + empty + " holds no table"));
    assertFalse(r.stderr.contains("does not exist"));
  }
}
