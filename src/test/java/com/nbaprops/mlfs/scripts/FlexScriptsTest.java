package com.nbaprops.mlfs.scripts;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The Flex Template launch scripts under DRY_RUN=1: they print the gcloud command, run nothing. */
public class FlexScriptsTest {
  private static final Path SCRIPTS = Path.of("scripts").toAbsolutePath();

  private record Result(int exit, String out, String err) {}

  private static Result run(Map<String, String> env, String script, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("bash", SCRIPTS.resolve(script).toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(Path.of("/tmp").toFile());
    pb.environment().keySet().removeAll(List.of("PROJECT", "REGION", "BUCKET", "SA", "TAG"));
    pb.environment().put("DRY_RUN", "1");
    pb.environment().put("TAG", "t1");
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(p.waitFor(), out, err);
  }

  private static Result run(String script, String... args) throws Exception {
    return run(Map.of("PROJECT", "my-project", "REGION", "us-central1", "BUCKET",
        "gs://my-bucket/", "SA", "sa@my-project.iam.gserviceaccount.com"), script, args);
  }

  @Test
  public void everyMissingVariableIsNamedAtOnce() throws Exception {
    Result r = run(Map.of(), "flex-daily", "2025-01-15");
    assertEquals(2, r.exit());
    assertThat(r.err(), containsString("set PROJECT REGION BUCKET in the environment"));
    r = run(Map.of("PROJECT", "p1", "BUCKET", "my-bucket"), "flex-backfill", "2024-10-22",
        "2025-06-30");
    assertEquals(2, r.exit());
    assertThat(r.err(), containsString("set REGION in the environment"));
  }

  @Test
  public void theBucketIsNormalisedAndTheServiceAccountPassed() throws Exception {
    Result r = run("flex-daily", "2025-01-15");
    assertEquals(r.err(), 0, r.exit());
    assertThat(r.out(), containsString(
        "--template-file-gcs-location=gs://my-bucket/templates/ml-feature-store.json"));
    assertThat(r.out(), containsString("--temp-location=gs://my-bucket/tmp"));
    assertThat(r.out(), not(containsString("gs://gs://")));
    assertThat(r.out(), containsString(
        "--service-account-email=sa@my-project.iam.gserviceaccount.com"));
    assertThat(r.out(), containsString(
        "--parameters=^~^mode=daily~gameDate=2025-01-15~source=bigquery~sink=bigquery\n"));
  }

  @Test
  public void datesAndRangesAreCheckedBeforeAnyLaunch() throws Exception {
    Result r = run("flex-backfill", "2024-13-01", "2024-02-30");
    assertEquals(2, r.exit());
    assertThat(r.err(), containsString("START must be a calendar date YYYY-MM-DD, got '2024-13-01'"));
    r = run("flex-backfill", "2024-02-01", "2024-02-30");
    assertEquals(2, r.exit());
    assertThat(r.err(), containsString("END must be a calendar date"));
    r = run("flex-backfill", "2024-03-01", "2024-02-28");
    assertEquals(2, r.exit());
    assertThat(r.err(), containsString("END 2024-02-28 is before START 2024-03-01"));
    r = run("flex-backfill", "2024-03-01");
    assertEquals(2, r.exit());
    assertThat(r.err(), containsString("usage: scripts/flex-backfill START END"));
    r = run("flex-daily", "2025-1-15");
    assertEquals(2, r.exit());
    assertEquals("", r.out());
    r = run("flex-backfill", "2024-02-29", "2024-02-29");
    assertEquals(r.err(), 0, r.exit());
    assertThat(r.out(), containsString("startDate=2024-02-29~endDate=2024-02-29"));
  }

  @Test
  public void extraOptionsArePassedAsTemplateParametersOrRefused() throws Exception {
    Result r = run("flex-daily", "2025-01-15", "--bigQueryProject=other", "--minUpstreamRows=40");
    assertEquals(r.err(), 0, r.exit());
    assertThat(r.out(), containsString("sink=bigquery~bigQueryProject=other~minUpstreamRows=40\n"));
    r = run("flex-backfill", "2024-10-22", "2025-06-30", "--strictDependencies=true");
    assertEquals(r.err(), 0, r.exit());
    assertThat(r.out(), containsString("endDate=2025-06-30~source=bigquery~sink=bigquery"
        + "~strictDependencies=true\n"));
    r = run("flex-daily", "2025-01-15", "--gameDate=2025-01-16");
    assertEquals(2, r.exit());
    assertThat(r.err(), containsString("--gameDate is set by this script"));
    r = run("flex-daily", "2025-01-15", "--noSuchOption=1");
    assertEquals(2, r.exit());
    assertThat(r.err(), containsString("--noSuchOption is not a parameter of the template"));
    r = run("flex-daily", "2025-01-15", "extra");
    assertEquals(2, r.exit());
    assertThat(r.err(), containsString("extra arguments must be --name=value"));
  }
}
