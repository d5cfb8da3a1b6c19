package com.nbaprops.mlfs.readiness;

/**
 * Thrown inside the pipeline when the upstream readiness gate refuses the run: nothing was written.
 * The local entry point turns it into exit status 4 and a {@code FAILED_DEPENDENCIES} run-history
 * row; on Dataflow it fails the job with this message.
 */
public final class DependencyGateException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final Readiness readiness;

  public DependencyGateException(Readiness readiness) {
    super("upstream not ready, nothing written: " + String.join("; ", readiness.problems())
        + " (pass --skipDependencyCheck to write anyway)");
    this.readiness = readiness;
  }

  public Readiness readiness() {
    return readiness;
  }
}
