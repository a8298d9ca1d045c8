package org.aisx.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The query-vector cache stays within its bound, drops the least recently used, shares keys. */
class QueryVectorsTest {
  private final List<String> embedded = new ArrayList<>();

  private float[] embed(String key) {
    embedded.add(key);
    return new float[] {key.length()};
  }

  @Test
  void holdsAtMostItsCapacityDroppingTheLeastRecentlyUsed() {
    QueryVectors cache = new QueryVectors(3);
    for (String q : List.of("a", "b", "c")) {
      cache.computeIfAbsent(q, this::embed);
    }
    cache.computeIfAbsent("a", this::embed); // "a" used again: "b" is now the eldest
    cache.computeIfAbsent("d", this::embed);
    assertThat(cache.size()).isEqualTo(3);
    assertThat(cache.contains("b")).isFalse();
    assertThat(cache.contains("a")).isTrue();
    assertThat(cache.contains("c")).isTrue();
    assertThat(cache.contains("d")).isTrue();
    for (int i = 0; i < 100; i++) {
      cache.computeIfAbsent("q" + i, this::embed);
    }
    assertThat(cache.size()).isEqualTo(3);
    assertThat(embedded).hasSize(104);
  }

  @Test
  void queriesDifferingOnlyInCaseAndSpacesShareOneVector() {
    QueryVectors cache = new QueryVectors(10);
    float[] first = cache.computeIfAbsent("Risk  management ", this::embed);
    float[] second = cache.computeIfAbsent("risk management", this::embed);
    assertThat(second).isSameAs(first);
    assertThat(embedded).containsExactly("risk management");
    assertThat(cache.computeIfAbsent("risk managers", this::embed)).isNotSameAs(first);
  }
}
