package org.aisx.catalog;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * An enum's constants by their wire name, for the {@code fromWire} lookups that run for every field
 * and relation of every record read.
 */
final class WireNames<E extends Enum<E>> {
  private final Map<String, E> byName = new HashMap<>();

  WireNames(E[] values, Function<E, String> wire) {
    for (E value : values) {
      byName.put(wire.apply(value), value);
    }
  }

  Optional<E> find(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(byName.get(name));
  }
}
