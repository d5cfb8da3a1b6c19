package com.nbaprops.mlfs.tools;

import java.io.PrintStream;
import java.nio.file.Path;

/** The command line of {@code scripts/sample-league}. */
final class SampleLeagueCli {
  private SampleLeagueCli() {}

  static int cli(String[] args, PrintStream out, PrintStream err) {
    ToolOptions spec = new ToolOptions("scripts/sample-league --out=DIR [--seed=42] [--seasons=1] "
        + "[--lastSeason=2024] [--teams=30]",
        "Writes a SYNTHETIC league (no real data) as the nine source tables in the",
        "local NDJSON layout: DIR/<table>/sample_<first>_<last>.ndjson.gz.")
        .required("out", "output folder (created; existing table files are replaced)")
        .option("seed", "42", "random seed; the same seed gives byte-identical files")
        .option("seasons", "1", "number of seasons, 1..10")
        .option("lastSeason", "2024", "season year of the last season (2024 = 2024-25)")
        .option("teams", "30", "number of teams, even, 4..30");
    return spec.run(args, out, err, o -> {
      SampleConfig config;
      try {
        config = new SampleConfig(o.getLong("seed"), o.getInt("seasons"), o.getInt("lastSeason"),
            o.getInt("teams"));
      } catch (IllegalArgumentException e) {
        throw new com.nbaprops.mlfs.OptionsValidator.InvalidOptionsException(e.getMessage());
      }
      Path folder = Path.of(o.get("out"));
      SampleLeague.Summary s = SampleLeague.generate(config, folder);
      out.printf("SYNTHETIC sample league: seasons %d..%d (seed %d), games %s .. %s, in %s%n",
          config.firstSeason(), config.lastSeason(), config.seed(), s.firstDate(), s.lastDate(),
          folder);
      s.rows().forEach((t, n) -> out.printf("  %-34s %8d rows%n", t, n));
      out.printf("Backfill it: scripts/run-local --mode=backfill --startDate=%s --endDate=%s "
          + "--inputDir=%s --outputDir=OUT%n", s.firstDate(), s.lastDate(), folder);
      return 0;
    });
  }
}
