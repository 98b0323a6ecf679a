package org.scrutineer.pipeline.stats;

/**
 * A two-sided confidence interval. A bound that does not exist (for example the upper bound of a
 * ratio whose reference count is zero) is {@code null}, never infinity or NaN.
 *
 * @param low lower bound, or {@code null} when undefined
 * @param high upper bound, or {@code null} when undefined
 */
public record Interval(Double low, Double high) {
  /** An interval with neither bound defined. */
  public static final Interval UNDEFINED = new Interval(null, null);
}
