package com.nbaprops.mlfs.tools;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.Assert.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.Test;

public class ToolOptionsTest {
  private final ToolOptions spec = new ToolOptions("tool --out=DIR", "Does a thing.")
      .required("out", "output folder")
      .option("seed", "42", "random seed")
      .option("startDate", null, "first date");

  private String[] result(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] seen = new String[1];
    int code = spec.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), o -> {
          LocalDate d = o.getDate("startDate");
          seen[0] = o.get("out") + " " + o.getLong("seed") + " " + d;
          return 0;
        });
    return new String[] {Integer.toString(code), seen[0], out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8)};
  }

  @Test
  public void parsesDeclaredOptionsWithDefaults() {
    assertEquals(List.of("0", "d 42 null"), List.of(result("--out=d")).subList(0, 2));
    assertEquals("d 7 2024-03-15", result("--out=d", "--seed=7", "--startDate=2024-03-15")[1]);
  }

  @Test
  public void badOptionsExitTwoNamingTheOption() {
    assertEquals("2", result("--seed=7")[0]);
    assertThat(result("--seed=7")[3], containsString("error: pass --out (output folder)"));
    assertThat(result("--out=d", "--sed=7")[3], containsString("error: unknown option --sed"));
    assertThat(result("--out=d", "--seed=x")[3],
        containsString("error: --seed=x is not a whole number"));
    assertThat(result("--out=d", "--startDate=2024-13-15")[3],
        containsString("error: --startDate=2024-13-15 is not a calendar date: pass YYYY-MM-DD"));
    assertThat(result("--out=d", "stray")[3], containsString("unexpected argument stray"));
    assertThat(result("--out=")[3], containsString("--out needs a value"));
  }

  @Test
  public void helpListsEveryOptionAndTheExitCodes() {
    String[] r = result("--help");
    assertEquals("0", r[0]);
    assertThat(r[2], containsString("--out=…"));
    assertThat(r[2], containsString("(default 42)"));
    assertThat(r[2], containsString("Exit status: 0 done, 1 failed, 2 bad options."));
  }
}
