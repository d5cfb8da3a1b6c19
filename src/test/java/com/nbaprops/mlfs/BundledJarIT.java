package com.nbaprops.mlfs;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.Test;

/** The shaded jar the Flex Template runs (integration test: runs after `package`). */
public class BundledJarIT {
  private static final Path JAR = Path.of("target/ml-feature-store-0.1.0-bundled.jar");

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
      assertThat(runners, containsString("DirectRegistrar"));
      assertThat(runners, containsString("DataflowPipelineRegistrar"));
      String fs = new String(jar.getInputStream(jar.getEntry(
          "META-INF/services/org.apache.beam.sdk.io.FileSystemRegistrar")).readAllBytes(),
          StandardCharsets.UTF_8);
      assertThat(fs, containsString("GcsFileSystemRegistrar"));
      assertThat(fs, containsString("LocalFileSystemRegistrar"));
    }
  }
}
