package org.scrutineer.pipeline.schema;

import java.util.Locale;

/** A police power whose use the pipeline measures; the value of the {@code power} column. */
public enum Power {
  STOP_SEARCH("stop_search", "stop and search"),
  USE_OF_FORCE("use_of_force", "use of force"),
  CUSTODY("custody", "custody"),
  FPN("fpn", "fixed penalty notices");

  private final String code;
  private final String words;

  Power(String code, String words) {
    this.code = code;
    this.words = words;
  }

  /** The value written in the {@code power} column. */
  public String code() {
    return code;
  }

  /** The power in words, for messages. */
  public String words() {
    return words;
  }

  /** The power's canonical record format. */
  public PowerFormat format() {
    return PowerFormat.of(this);
  }

  /**
   * Parses a power code ({@code stop_search}, {@code use_of_force}, {@code custody}, {@code fpn}).
   *
   * @throws IllegalArgumentException naming the value and the allowed codes
   */
  public static Power fromCode(String value) {
    String wanted = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    for (Power power : values()) {
      if (power.code.equals(wanted)) {
        return power;
      }
    }
    throw new IllegalArgumentException(
        String.format(
            "Invalid power: '%s' (must be one of stop_search, use_of_force, custody, fpn)", value));
  }
}
