package com.nbaprops.mlfs.util;

import java.io.Serializable;
import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * An immutable {@code List<Double>} kept as a {@code double[]}: one array instead of a boxed
 * {@code Double} per element (a feature row's 37 values). The DirectRunner keeps every step's
 * output in memory, and 150,000 rows of boxed values were ~6 million objects for the garbage
 * collector to trace. Equal to any list with the same elements ({@link AbstractList#equals}).
 */
public final class DoubleList extends AbstractList<Double> implements RandomAccess, Serializable {
  private static final long serialVersionUID = 1L;
  private final double[] values;

  private DoubleList(double[] values) {
    this.values = values;
  }

  /** A list of a copy of {@code values}. */
  public static DoubleList of(double... values) {
    return new DoubleList(values.clone());
  }

  /** A list that takes {@code values} over (the caller no longer changes the array). */
  static DoubleList wrap(double[] values) {
    return new DoubleList(values);
  }

  @Override
  public Double get(int index) {
    return values[index];
  }

  /** Element {@code index} without boxing. */
  public double getDouble(int index) {
    return values[index];
  }

  @Override
  public int size() {
    return values.length;
  }
}
