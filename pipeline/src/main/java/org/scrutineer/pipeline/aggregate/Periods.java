package org.scrutineer.pipeline.aggregate;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The reporting periods: calendar months ({@code 2020-06}) and financial years April to March
 * ({@code 2020-21}), the Home Office's reporting year.
 */
public final class Periods {
  /** {@code period_type} of a calendar month. */
  public static final String MONTH = "month";

  /** {@code period_type} of a financial year. */
  public static final String FINANCIAL_YEAR = "financial_year";

  private Periods() {}

  /** The financial year containing {@code month}, e.g. {@code 2020-21} for 2021-03. */
  public static String financialYear(YearMonth month) {
    int start = month.getMonthValue() >= 4 ? month.getYear() : month.getYear() - 1;
    return String.format("%d-%02d", start, (start + 1) % 100);
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
