package org.scrutineer.pipeline.tables;

import org.scrutineer.pipeline.cells.Cell;

/** Cells for the driver-side table tests. */
final class TestCells {
  private TestCells() {}

  /** A place-of-event financial-year cell of the force {@code one}. */
  static Cell year(String power, String year, int monthsSubmitted, String level, String code) {
    return new Cell(
        power,
        "place_of_event",
        "financial_year",
        year,
        12,
        monthsSubmitted,
        level,
        code,
        "One",
        "one");
  }
}
