package com.nbaprops.mlfs;

import com.nbaprops.mlfs.sink.OutputLock;
import java.nio.file.Path;
import java.time.Duration;

/** A second process for the lock tests: takes a folder's lock, says so, then waits to be killed. */
public final class LockHolder {
  private LockHolder() {}

  public static void main(String[] args) throws Exception {
    OutputLock.acquire(Path.of(args[0]), args[1], Duration.ofHours(6), System.out::println);
    System.out.println("locked");
    System.out.flush();
    Thread.sleep(120_000);
  }
}
