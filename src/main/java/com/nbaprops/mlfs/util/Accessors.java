package com.nbaprops.mlfs.util;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Fast getters for record components (generated lambdas instead of reflective calls): the coders,
 * the row order and the table writer read every field of hundreds of thousands of rows.
 */
public final class Accessors {
  private static final ConcurrentHashMap<Class<?>, Function<Object, Object>[]> CACHE =
      new ConcurrentHashMap<>();

  private Accessors() {}

  /** One getter per record component, in declaration order. */
  public static Function<Object, Object>[] getters(Class<?> recordClass) {
    return CACHE.computeIfAbsent(recordClass, Accessors::build);
  }

  @SuppressWarnings("unchecked")
  private static Function<Object, Object>[] build(Class<?> c) {
    RecordComponent[] comps = c.getRecordComponents();
    Function<Object, Object>[] out = new Function[comps.length];
    try {
      MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(c, MethodHandles.lookup());
      for (int i = 0; i < comps.length; i++) {
        MethodHandle getter = lookup.unreflect(comps[i].getAccessor());
        Class<?> type = MethodType.methodType(comps[i].getType()).wrap().returnType();
        CallSite site = LambdaMetafactory.metafactory(lookup, "apply",
            MethodType.methodType(Function.class), MethodType.methodType(Object.class,
                Object.class), getter, MethodType.methodType(type, c));
        out[i] = (Function<Object, Object>) site.getTarget().invokeExact();
      }
    } catch (Throwable e) {
      throw new IllegalArgumentException("cannot build getters for " + c, e);
    }
    return out;
  }
}
