package com.nbaprops.mlfs.history;

import java.lang.reflect.RecordComponent;
import java.util.Comparator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contract's tie-break for duplicate keys in tables other than box scores: the row whose values,
 * compared column by column in the data contract's order (NULLs last), are smallest.
 */
public final class RecordOrder {
  private static final ConcurrentHashMap<Class<?>, RecordComponent[]> COMPONENTS =
      new ConcurrentHashMap<>();

  private RecordOrder() {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  public static int compare(Record a, Record b) {
    RecordComponent[] comps = COMPONENTS.computeIfAbsent(a.getClass(), Class::getRecordComponents);
    for (RecordComponent c : comps) {
      Comparable va;
      Comparable vb;
      try {
        va = (Comparable) c.getAccessor().invoke(a);
        vb = (Comparable) c.getAccessor().invoke(b);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      int r;
      if (va == null || vb == null) {
        r = va == null ? (vb == null ? 0 : 1) : -1;
      } else {
        r = va.compareTo(vb);
      }
      if (r != 0) {
        return r;
      }
    }
    return 0;
  }

  public static <T extends Record> Comparator<T> comparator() {
    return RecordOrder::compare;
  }
}
