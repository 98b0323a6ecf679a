package org.scrutineer.pipeline.cells;

import java.io.Serializable;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.scrutineer.pipeline.aggregate.Periods;

/**
 * The unit of work of the statistics: one force's financial year. A force's tables split by
 * financial year with little crossing the split: the year before (the previous month, financial
 * year and rolling 12 months of a period in the year all end in the year or the one before it), the
 * force-level months before that (the ethnicity code list, in use once seen) and the areas seen
 * anywhere in the run. So a national decade's largest force is ten units of bounded size, computed
 * one after another, rather than one that holds the decade.
 *
 * @param force the force's slug
 * @param year the financial year, e.g. {@code 2020-21}
 */
public record ForceYear(String force, String year) implements Serializable {

  /** The financial years with at least one month in the window {@code from} to {@code to}. */
  public static List<String> years(YearMonth from, YearMonth to) {
    Set<String> years = new LinkedHashSet<>();
    for (YearMonth month : Periods.range(from, to)) {
      years.add(Periods.financialYear(month));
    }
    return new ArrayList<>(years);
  }

  /** The first month of the year before this one: where the months this unit reads begin. */
  public YearMonth readFrom() {
    return Periods.firstMonth(year).minusYears(1);
  }

  /** The last month (March) of this year. */
  public YearMonth readTo() {
    return Periods.firstMonth(year).plusMonths(11);
  }
}
