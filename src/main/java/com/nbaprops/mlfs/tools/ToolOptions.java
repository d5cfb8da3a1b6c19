package com.nbaprops.mlfs.tools;

import com.nbaprops.mlfs.OptionsValidator;
import com.nbaprops.mlfs.OptionsValidator.InvalidOptionsException;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of the dev tools (generator, importer, verify-run), declared once per tool: {@code
 * --name=value} options with a default and a help line, and optionally positional arguments. The
 * same errors and exit codes as {@code run-local}: a bad or unknown option prints {@code error: …}
 * and "Run with --help" on stderr and exits 2; {@code --help} prints the usage and exits 0.
 */
public final class ToolOptions {
  private record Option(String name, String defaultValue, String help, boolean required,
      boolean flag) {}

  private final String usage;
  private final List<String> description;
  private final Map<String, Option> options = new LinkedHashMap<>();
  private String positionalHelp;

  public ToolOptions(String usage, String... description) {
    this.usage = usage;
    this.description = List.of(description);
  }

  public ToolOptions option(String name, String defaultValue, String help) {
    options.put(name, new Option(name, defaultValue, help, false, false));
    return this;
  }

  /** A true/false option that may be given bare ({@code --json} = {@code --json=true}). */
  public ToolOptions flag(String name, String help) {
    options.put(name, new Option(name, "false", help, false, true));
    return this;
  }

  public ToolOptions required(String name, String help) {
    options.put(name, new Option(name, null, help, true, false));
    return this;
  }

  /** Accepts positional arguments (at least one), described by {@code help}. */
  public ToolOptions positional(String help) {
    this.positionalHelp = help;
    return this;
  }

  /** A tool's work once its options are parsed; returns the exit status. */
  @FunctionalInterface
  public interface Body {
    int run(Parsed options) throws Exception;
  }

  /** Parses, runs the body, and maps bad options to exit 2 (and I/O failures to exit 1). */
  public int run(String[] args, PrintStream out, PrintStream err, Body body) {
    for (String a : args) {
      if (a.equals("--help") || a.equals("-h")) {
        printHelp(out);
        return 0;
      }
    }
    try {
      return body.run(parse(args));
    } catch (InvalidOptionsException e) {
      err.println("error: " + e.getMessage());
      err.println("Run with --help for every option.");
      return 2;
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      err.println("error: " + e.getMessage());
      return 1;
    } catch (Exception e) {
      err.println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      return 1;
    }
  }

  Parsed parse(String[] args) {
    Map<String, String> values = new LinkedHashMap<>();
    List<String> positional = new ArrayList<>();
    for (String a : args) {
      if (!a.startsWith("--")) {
        if (positionalHelp == null) {
          throw new InvalidOptionsException("unexpected argument " + a + ": options are "
              + "--name=value");
        }
        positional.add(a);
        continue;
      }
      String[] kv = a.substring(2).split("=", 2);
      if (!options.containsKey(kv[0])) {
        throw new InvalidOptionsException("unknown option --" + kv[0]);
      }
      if (options.get(kv[0]).flag()) {
        String v = kv.length < 2 ? "true" : kv[1];
        if (!v.equals("true") && !v.equals("false")) {
          throw new InvalidOptionsException("--" + kv[0] + "=" + v + " is not true or false: pass "
              + "--" + kv[0] + " or --" + kv[0] + "=false");
        }
        values.put(kv[0], v);
        continue;
      }
      if (kv.length < 2 || kv[1].isEmpty()) {
        throw new InvalidOptionsException("--" + kv[0] + " needs a value: pass --" + kv[0]
            + "=...");
      }
      values.put(kv[0], kv[1]);
    }
    for (Option o : options.values()) {
      if (o.required() && !values.containsKey(o.name())) {
        throw new InvalidOptionsException("pass --" + o.name() + " (" + o.help() + ")");
      }
    }
    if (positionalHelp != null && positional.isEmpty()) {
      throw new InvalidOptionsException("pass " + positionalHelp);
    }
    return new Parsed(values, positional);
  }

  void printHelp(PrintStream out) {
    out.println("Usage: " + usage);
    out.println();
    description.forEach(out::println);
    out.println();
    for (Option o : options.values()) {
      out.printf("  --%-18s %s%s%n", o.flag() ? o.name() : o.name() + "=…", o.help(),
          o.required() ? " (required)" : o.flag() ? ""
          : o.defaultValue() == null ? "" : " (default " + o.defaultValue() + ")");
    }
    if (positionalHelp != null) {
      out.printf("  %-20s %s%n", "ARGS…", positionalHelp);
    }
    out.println();
    out.println("Exit status: 0 done, 1 failed, 2 bad options.");
  }

  /** Parsed values, read with the declared defaults and clear errors. */
  public final class Parsed {
    private final Map<String, String> values;
    private final List<String> positional;

    Parsed(Map<String, String> values, List<String> positional) {
      this.values = values;
      this.positional = positional;
    }

    public String get(String name) {
      return values.getOrDefault(name, options.get(name).defaultValue());
    }

    public boolean getFlag(String name) {
      return Boolean.parseBoolean(get(name));
    }

    public long getLong(String name) {
      String v = get(name);
      try {
        return Long.parseLong(v);
      } catch (NumberFormatException e) {
        throw new InvalidOptionsException("--" + name + "=" + v + " is not a whole number");
      }
    }

    public int getInt(String name) {
      long v = getLong(name);
      if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
        throw new InvalidOptionsException("--" + name + "=" + v + " is out of range");
      }
      return (int) v;
    }

    /** A {@code YYYY-MM-DD} date option, or null when absent without default. */
    public LocalDate getDate(String name) {
      return OptionsValidator.parseDate("--" + name, get(name));
    }

    /** {@code --endDate} (default {@code --startDate}): an error when it is before the start. */
    public LocalDate endDate() {
      LocalDate start = getDate("startDate");
      LocalDate end = get("endDate") == null ? start : getDate("endDate");
      if (start != null && end != null && end.isBefore(start)) {
        throw new InvalidOptionsException("--endDate=" + end + " is before --startDate=" + start
            + ": pass an end date on or after the start date");
      }
      return end;
    }

    /** {@code --mode}: backfill or daily, as for runs. */
    public String mode() {
      String mode = get("mode");
      if (!mode.equals("backfill") && !mode.equals("daily")) {
        throw new InvalidOptionsException("--mode=" + mode
            + " is not a mode: pass --mode=backfill or --mode=daily");
      }
      return mode;
    }

    public List<String> positional() {
      return positional;
    }
  }
}
