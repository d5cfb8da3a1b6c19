package com.nbaprops.mlfs.sink;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Readies a local output folder for one run: takes its {@link OutputLock} (one writer per folder),
 * then removes what killed runs left ({@link LocalRecovery}), saying so.
 */
public final class OutputFolder {
  private OutputFolder() {}

  /** Local paths are locked; remote folders ({@code gs://...}) are not (see the README). */
  public static boolean isLocal(String dir) {
    return dir != null && !dir.matches("^[a-zA-Z][a-zA-Z0-9+.-]+://.*");
  }

  /** Takes the lock and cleans up; the caller closes the returned lock when the run ends. */
  public static OutputLock prepare(Path dir, String runId, Duration lockTimeout, PrintStream out)
      throws IOException {
    Files.createDirectories(dir);
    OutputLock lock = OutputLock.acquire(dir, runId, lockTimeout, line -> out.println("  " + line));
    try {
      if (lock.takenOver() != null
          && LocalRecovery.removeUnfinishedRun(dir, lock.takenOver().runId())) {
        out.println("  note: removed the dead letters of unfinished run "
            + lock.takenOver().runId() + " (it wrote no run-history row)");
      }
      List<Path> tmp = LocalRecovery.removeTemporaryFiles(dir);
      if (!tmp.isEmpty()) {
        out.printf("  note: removed %d temporary file(s) of killed runs (e.g. %s)%n", tmp.size(),
            dir.relativize(tmp.get(0)));
      }
    } catch (IOException | RuntimeException e) {
      lock.close();
      throw e;
    }
    return lock;
  }
}
