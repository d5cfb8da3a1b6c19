package com.nbaprops.mlfs;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * {@code --help} of the job, from the options' own {@code @Description} and {@code @Default}: the
 * key options first (mode, dates, folders, source, sink), then the run and safety options, then the
 * BigQuery table options; then the exit status and the JVM options of the scripts.
 */
final class Help {
  private Help() {}

  /** The key options, in the order a user needs them. */
  static final List<String> KEY = List.of("mode", "startDate", "endDate", "gameDate", "inputDir",
      "outputDir", "source", "sink");

  static void print(PrintStream out) {
    out.println("Usage: scripts/run-local [OPTIONS]   (or java -jar ml-feature-store-bundled.jar)");
    out.println();
    out.println("Builds ml_feature_store_v2 rows (37 features + quality) for every roster entry of");
    out.println("the date range, from the nine source tables, on any Beam runner.");
    out.println();
    out.println("Examples:");
    out.println("  --mode=backfill --startDate=2024-10-22 --endDate=2025-05-30 \\");
    out.println("      --inputDir=target/sample-league --outputDir=target/feature-store");
    out.println("  --mode=daily --gameDate=2025-01-15 --inputDir=... --outputDir=...");
    List<Method> key = new ArrayList<>();
    List<Method> run = new ArrayList<>();
    List<Method> tables = new ArrayList<>();
    for (Method m : FeatureStoreOptions.class.getDeclaredMethods()) {
      if (!m.getName().startsWith("get") || m.getAnnotation(Description.class) == null) {
        continue;
      }
      String name = name(m);
      if (KEY.contains(name)) {
        key.add(m);
      } else if (name.endsWith("Table") || name.endsWith("Dataset")
          || name.equals("bigQueryProject")) {
        tables.add(m);
      } else {
        run.add(m);
      }
    }
    key.sort(Comparator.comparingInt(m -> KEY.indexOf(name(m))));
    run.sort(Comparator.comparing(Help::name));
    tables.sort(Comparator.comparing((Method m) -> !name(m).equals("bigQueryProject"))
        .thenComparing(m -> !name(m).endsWith("Dataset")).thenComparing(Help::name));
    section(out, "Key options", key);
    section(out, "Run and safety options", run);
    section(out, "BigQuery project, datasets and tables (--source/--sink=bigquery)", tables);
    out.println();
    out.println("Any standard Beam option is accepted as well (--runner, --project, --tempLocation,");
    out.println("--targetParallelism, ...). The bundled jar of scripts/ runs the DirectRunner");
    out.println("only; Dataflow runs use the pipeline jar (scripts/flex-build).");
    out.println();
    out.print(ExitCode.help());
    out.println();
    out.println("Environment: MLFS_JAVA_OPTS sets the scripts' JVM options (default: -Xmx2560m "
        + "-XX:+UseParallelGC -XX:TieredStopAtLevel=1, and -XX:+UseTransparentHugePages where "
        + "the kernel offers them); MLFS_CDS=0 turns off their class-data archive "
        + "(target/cds-*.jsa).");
  }

  private static void section(PrintStream out, String title, List<Method> options) {
    out.println();
    out.println(title + ":");
    for (Method m : options) {
      String def = defaultOf(m);
      out.printf("  --%s=%s%s%n", name(m), type(m), def == null ? "" : "   (default: " + def + ")");
      for (String line : wrap(m.getAnnotation(Description.class).value(), 88)) {
        out.println("      " + line);
      }
    }
  }

  static String name(Method m) {
    return Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
  }

  private static String type(Method m) {
    Class<?> t = m.getReturnType();
    String name = name(m);
    if (t == Boolean.class) {
      return "true|false";
    } else if (t == Integer.class) {
      return "N";
    } else if (name.endsWith("Date")) {
      return "YYYY-MM-DD";
    } else if (name.endsWith("Dir")) {
      return "FOLDER";
    } else if (name.equals("mode")) {
      return "backfill|daily";
    } else if (name.equals("source") || name.equals("sink")) {
      return "files|bigquery";
    } else if (name.endsWith("Table")) {
      return "TABLE";
    } else if (name.endsWith("Dataset")) {
      return "DATASET";
    }
    return "VALUE";
  }

  private static String defaultOf(Method m) {
    if (m.getAnnotation(Default.String.class) != null) {
      return m.getAnnotation(Default.String.class).value();
    } else if (m.getAnnotation(Default.Boolean.class) != null) {
      return String.valueOf(m.getAnnotation(Default.Boolean.class).value());
    } else if (m.getAnnotation(Default.Integer.class) != null) {
      return String.valueOf(m.getAnnotation(Default.Integer.class).value());
    } else if (m.getAnnotation(Default.Enum.class) != null) {
      return m.getAnnotation(Default.Enum.class).value().toLowerCase(java.util.Locale.ROOT);
    }
    return null;
  }

  private static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}
