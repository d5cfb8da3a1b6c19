package com.nbaprops.mlfs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.Test;

/**
 * The shaded jars (integration test: runs after `package`): {@code bundled}, which the scripts run,
 * and {@code pipeline}, which the Flex Template ships without the dev tools and test libraries.
 */
public class BundledJarIT {
  private static final Path JAR = Path.of("target/ml-feature-store-0.1.0-bundled.jar");
  private static final Path PIPELINE_JAR = Path.of("target/ml-feature-store-0.1.0-pipeline.jar");

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(out, 0, p.waitFor());
    return out;
  }

  @Test
  public void mainClassStartsAndPrintsHelp() throws Exception {
    String out = run(List.of("java", "-jar", JAR.toString(), "--help"));
    assertThat(out, containsString("--mode"));
    assertThat(out, containsString("--sink"));
    assertThat(out, containsString("--playerGameSummaryTable"));
  }

  @Test
  public void serviceRegistrationsSurviveShading() throws Exception {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      String runners = new String(jar.getInputStream(jar.getEntry(
          "META-INF/services/org.apache.beam.sdk.runners.PipelineRunnerRegistrar"))
          .readAllBytes(), StandardCharsets.UTF_8);
      // The bundled jar runs locally: the DirectRunner only, and no Dataflow options to
      // validate at every start (pom.xml); the pipeline jar has both runners.
      assertEquals("org.apache.beam.runners.direct.DirectRegistrar$Runner", runners.trim());
      String options = new String(jar.getInputStream(jar.getEntry(
          "META-INF/services/org.apache.beam.sdk.options.PipelineOptionsRegistrar"))
          .readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(options, !options.contains("Dataflow") && !options.contains("GcpIo"));
      assertThat(options, containsString("DirectRegistrar$Options"));
      String fs = new String(jar.getInputStream(jar.getEntry(
          "META-INF/services/org.apache.beam.sdk.io.FileSystemRegistrar")).readAllBytes(),
          StandardCharsets.UTF_8);
      assertThat(fs, containsString("GcsFileSystemRegistrar"));
      assertThat(fs, containsString("LocalFileSystemRegistrar"));
    }
  }

  @Test
  public void aDataflowRunOfTheBundledJarIsRefusedNamingThePipelineJar() throws Exception {
    Process p = new ProcessBuilder("java", "-jar", JAR.toString(), "--runner=DataflowRunner",
        "--region=us-central1", "--mode=daily", "--gameDate=2023-11-14",
        "--inputDir=src/test/resources/leagues/tiny", "--outputDir=target/never-written")
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(out, 2, p.waitFor());
    assertThat(out, containsString("ml-feature-store-0.1.0-pipeline.jar"));
    assertTrue(!Files.exists(Path.of("target/never-written")));
  }

  @Test
  public void pipelineJarRunsTheJobAndHoldsNoDevToolsOrTestLibraries() throws Exception {
    try (JarFile jar = new JarFile(PIPELINE_JAR.toFile())) {
      String runners = new String(jar.getInputStream(jar.getEntry(
          "META-INF/services/org.apache.beam.sdk.runners.PipelineRunnerRegistrar"))
          .readAllBytes(), StandardCharsets.UTF_8);
      assertThat(runners, containsString("DirectRegistrar"));
      assertThat(runners, containsString("DataflowPipelineRegistrar"));
      assertTrue(jar.getEntry("com/nbaprops/mlfs/FeatureStorePipeline.class") != null);
      assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("com/nbaprops/mlfs/tools/")));
      assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("com/google/api/gax/grpc/testing/")));
      assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith(
          "com/fasterxml/jackson/dataformat/csv/")));
    }
    Path out = Files.createTempDirectory("pipeline-jar");
    String log = run(List.of("java", "-jar", PIPELINE_JAR.toString(), "--mode=daily",
        "--gameDate=2023-11-14", "--inputDir=src/test/resources/leagues/tiny",
        "--skipDependencyCheck", "--outputDir=" + out));
    assertThat(log, containsString("[balanced]"));
    assertTrue(Files.exists(out.resolve("ml_feature_store_v2/game_date=2023-11-14/part-00000.ndjson")));
  }
}
