package org.scrutineer.pipeline.aggregate;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.scrutineer.pipeline.schema.PeriodType;

/**
 * The reporting periods: calendar months ({@code 2020-06}) and financial years April to March
 * ({@code 2020-21}), the Home Office's reporting year.
 */
public final class Periods {

  private Periods() {}

  /** The financial year containing {@code month}, e.g. {@code 2020-21} for 2021-03. */
  public static String financialYear(YearMonth month) {
    int start = month.getMonthValue() >= 4 ? month.getYear() : month.getYear() - 1;
    return String.format("%d-%02d", start, (start + 1) % 100);
  }

  /**
   * The financial year a period of any type belongs to: the year of its last month (a rolling 12
   * months belongs to the year it ends in).
   */
  public static String financialYearOf(String periodType, String period) {
    List<YearMonth> months = months(periodType, period);
    return financialYear(months.get(months.size() - 1));
  }

  /** The first month (April) of a financial year such as {@code 2020-21}. */
  public static YearMonth firstMonth(String financialYear) {
    return YearMonth.of(Integer.parseInt(financialYear.substring(0, 4)), 4);
  }

  /** The label of the rolling 12 months ending with {@code last}, e.g. {@code 2020-07/2021-06}. */
  public static String rollingYear(YearMonth last) {
    return last.minusMonths(11) + "/" + last;
  }

  /** The months of a period of any type, first to last. */
  public static List<YearMonth> months(String periodType, String period) {
    switch (periodType) {
      case PeriodType.MONTH:
        return List.of(YearMonth.parse(period));
      case PeriodType.FINANCIAL_YEAR:
        YearMonth april = firstMonth(period);
        return range(april, april.plusMonths(11));
      case PeriodType.ROLLING_YEAR:
        return range(YearMonth.parse(period.substring(0, 7)), YearMonth.parse(period.substring(8)));
      default:
        throw new IllegalArgumentException("Unknown period type: " + periodType);
    }
  }

  /**
   * The period of the same type just before {@code period}: the previous month, financial year, or
   * rolling 12 months ending a month earlier.
   */
  public static String previous(String periodType, String period) {
    switch (periodType) {
      case PeriodType.MONTH:
        return YearMonth.parse(period).minusMonths(1).toString();
      case PeriodType.FINANCIAL_YEAR:
        int start = Integer.parseInt(period.substring(0, 4)) - 1;
        return String.format("%d-%02d", start, (start + 1) % 100);
      case PeriodType.ROLLING_YEAR:
        return rollingYear(YearMonth.parse(period.substring(8)).minusMonths(1));
      default:
        throw new IllegalArgumentException("Unknown period type: " + periodType);
    }
  }

  /**
   * The period of the same type just after {@code period}: the next month, financial year, or
   * rolling 12 months ending a month later ({@link #previous} undone).
   */
  public static String next(String periodType, String period) {
    switch (periodType) {
      case PeriodType.MONTH:
        return YearMonth.parse(period).plusMonths(1).toString();
      case PeriodType.FINANCIAL_YEAR:
        return financialYear(firstMonth(period).plusYears(1));
      case PeriodType.ROLLING_YEAR:
        return rollingYear(YearMonth.parse(period.substring(8)).plusMonths(1));
      default:
        throw new IllegalArgumentException("Unknown period type: " + periodType);
    }
  }

  /** Every month from {@code from} to {@code to} inclusive. */
  public static List<YearMonth> range(YearMonth from, YearMonth to) {
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      months.add(m);
    }
    return months;
  }
}
