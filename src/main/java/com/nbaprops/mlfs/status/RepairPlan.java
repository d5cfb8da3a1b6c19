package com.nbaprops.mlfs.status;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The dates to rebuild merged into job ranges: a job start costs more than a few extra dates, so
 * two ranges at most {@code mergeDays} days apart (from one's end to the next's start) become one;
 * consecutive dates always share a range.
 */
public final class RepairPlan {
  private RepairPlan() {}

  /** One job's range, inclusive. */
  public record Range(LocalDate start, LocalDate end) {
    public long days() {
      return ChronoUnit.DAYS.between(start, end) + 1;
    }
  }

  public static List<Range> ranges(Collection<LocalDate> dates, int mergeDays) {
    List<Range> out = new ArrayList<>();
    for (LocalDate d : new TreeSet<>(dates)) {
      Range last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && ChronoUnit.DAYS.between(last.end(), d) <= Math.max(1, mergeDays)) {
        out.set(out.size() - 1, new Range(last.start(), d));
      } else {
        out.add(new Range(d, d));
      }
    }
    return out;
  }
}
