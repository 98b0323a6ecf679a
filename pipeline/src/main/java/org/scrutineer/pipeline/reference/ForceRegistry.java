package org.scrutineer.pipeline.reference;

import java.io.Serializable;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.scrutineer.pipeline.io.InputException;

/**
 * The police forces the pipeline knows: the 43 territorial forces of England and Wales and British
 * Transport Police, with their data.police.uk slugs and ONS area codes, optionally extended or
 * overridden by a user file of the same columns ({@code slug,name,area_code,resident_population}).
 */
public final class ForceRegistry implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Map<String, Force> bySlug;

  private ForceRegistry(Map<String, Force> bySlug) {
    this.bySlug = Collections.unmodifiableMap(bySlug);
  }

  /** The built-in registry of 44 forces. */
  public static ForceRegistry builtIn() {
    return new ForceRegistry(load(ReferenceTable.resource("forces.csv"), new LinkedHashMap<>()));
  }

  /** This registry with the forces of {@code table} added; a slug already present is replaced. */
  public ForceRegistry with(ReferenceTable table) {
    return new ForceRegistry(load(table, new LinkedHashMap<>(bySlug)));
  }

  /** The force with this slug, if known. */
  public Optional<Force> find(String slug) {
    return Optional.ofNullable(bySlug.get(slug));
  }

  /** All forces, in registry order. */
  public Collection<Force> forces() {
    return bySlug.values();
  }

  private static Map<String, Force> load(ReferenceTable table, Map<String, Force> into) {
    for (int row = 0; row < table.size(); row++) {
      String slug = table.get(row, "slug");
      String flag = table.get(row, "resident_population");
      if (!flag.equals("true") && !flag.equals("false")) {
        throw new InputException(
            String.format(
                "%s line %d: resident_population is '%s' (must be true or false)",
                table.name(), table.line(row), flag));
      }
      if (slug.isEmpty() || table.get(row, "area_code").isEmpty()) {
        throw new InputException(
            String.format(
                "%s line %d: slug and area_code are required", table.name(), table.line(row)));
      }
      into.put(
          slug,
          new Force(
              slug, table.get(row, "name"), table.get(row, "area_code"), flag.equals("true")));
    }
    return into;
  }
}
