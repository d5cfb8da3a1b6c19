package com.nbaprops.mlfs.tools;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** The command line of {@code scripts/import-nba}: options, and the summary of an import. */
final class NbaImportCli {
  private NbaImportCli() {}

  static int cli(String[] args, PrintStream out, PrintStream err) {
    ToolOptions spec = new ToolOptions("scripts/import-nba --out=DIR FILE_OR_FOLDER...",
        "Imports real NBA files in the formats of shared/data/nba into the nine source",
        "tables (local NDJSON layout) under DIR:",
        "  player_boxscores_<season>.csv.gz  NBA.com box scores -> player_game_summary",
        "  team_games_<season>.csv.gz        team games -> team_offense_game_summary",
        "  props_player_points_*.csv.gz      Odds API points props -> odds_api_player_points_props",
        "The precomputed tables are derived from the box scores (dated D: games before D).",
        "A folder imports every .csv/.csv.gz in it whose header is one of these formats;",
        "others are listed as not imported. Bad rows go to DIR/import_rejects.txt",
        "(file:line: reason). Prop names are matched to the box-score players of their date",
        "(suffixes, name order, short first names): matches in DIR/import_crosswalk.txt, the",
        "rest in DIR/import_unmatched_props.txt.")
        .required("out", "output folder")
        .positional("at least one input file or folder");
    return spec.run(args, out, err, o -> report(o.get("out"),
        NbaImporter.importFiles(o.positional().stream().map(Path::of).toList(), Path.of(o.get("out"))), out));
  }

  private static int report(String dir, NbaImporter.Result r, PrintStream out) {
    out.printf("Imported into %s%n", dir);
    r.rowsPerTable().forEach((t, n) -> out.printf("  %-34s %8d rows%n", t, n));
    Map<PlayerCrosswalk.Rule, Integer> rules = r.propPairsByRule();
    out.printf("  prop lines: %d of %d (player name, date) pairs on box-score dates match a box "
        + "score player: %d by player_lookup, %d by the name crosswalk (same words %d, reversed "
        + "%d, first name %d); %d unmatched (list: %s/import_unmatched_props.txt; crosswalk: import_crosswalk.txt)%n",
        r.propsMatched(), r.propsPlayerDates(), rules.get(PlayerCrosswalk.Rule.EXACT),
        r.propsMatched() - rules.get(PlayerCrosswalk.Rule.EXACT),
        rules.get(PlayerCrosswalk.Rule.SAME_WORDS), rules.get(PlayerCrosswalk.Rule.REVERSED),
        rules.get(PlayerCrosswalk.Rule.FIRST_NAME), rules.get(PlayerCrosswalk.Rule.NONE), dir);
    for (String s : r.skippedFiles()) {
      out.println("  not imported: " + s);
    }
    out.printf("  repaired input rows: %d (team = opponent, fixed from the other side of the game;"
        + " listed in %s/import_repairs.txt)%n", r.repairs().size(), dir);
    out.printf("  rejected input rows: %d (listed in %s/import_rejects.txt)%n", r.rejects().size(),
        dir);
    r.rejects().stream().limit(5).forEach(x -> out.println("    " + x));
    return 0;
  }
}
