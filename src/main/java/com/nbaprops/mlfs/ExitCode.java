package com.nbaprops.mlfs;

/**
 * The exit statuses of the job and of the project's tools: the one place they are defined, listed
 * in {@code --help} and in the README.
 */
public enum ExitCode {
  /** The run did what was asked (or a tool found nothing to report). */
  OK(0, "done"),
  /** The job failed (or a tool found something to act on: a rebuild, a difference). */
  FAILED(1, "the job failed"),
  /** Bad options, or a required input table is missing; nothing was run. */
  BAD_INPUT(2, "bad options or a missing required input table; nothing ran"),
  /**
   * The run wrote its rows, but a date is below {@code --minQualityReadyPct}
   * ({@code SUCCEEDED_LOW_COVERAGE}): the prediction step should not go ahead for it.
   */
  LOW_COVERAGE(3, "written, but a date is below --minQualityReadyPct (SUCCEEDED_LOW_COVERAGE): "
      + "hold predictions for it"),
  /** Refused to write: the upstream readiness gate, or another run holds the output folder. */
  REFUSED(4, "refused: upstream not ready (FAILED_DEPENDENCIES) or another run holds the output "
      + "folder; nothing was written");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public int code() {
    return code;
  }

  public String meaning() {
    return meaning;
  }

  /** The lines {@code --help} prints. */
  public static String help() {
    StringBuilder sb = new StringBuilder("Exit status:\n");
    for (ExitCode c : values()) {
      sb.append(String.format("  %d  %s%n", c.code, c.meaning));
    }
    return sb.toString();
  }
}
