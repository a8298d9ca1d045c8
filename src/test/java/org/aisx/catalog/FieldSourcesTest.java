package org.aisx.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldSourcesTest {

  @Test
  void theBodyNamedFirstInTheIdentifierLeadsAndNoOtherBodysCatalogueDoes() {
    assertThat(FieldSources.leads("ISO", "ISO/IEC 42001:2023")).isTrue();
    assertThat(FieldSources.leads("IEC", "ISO/IEC 42001:2023")).isFalse();
    assertThat(FieldSources.leads("IEC", "IEC 31010:2019")).isTrue();
    assertThat(FieldSources.leads("ISO", "IEC 31010:2019")).isFalse();
    assertThat(FieldSources.leads("IEEE", "ISO/IEC/IEEE 29119-1:2022")).isFalse();
    assertThat(FieldSources.leads("ITU", "ITU-T Y.3172 (06/2019)")).isTrue();
    assertThat(FieldSources.leads(null, "ISO/IEC 42001:2023")).isTrue();
  }

  @Test
  void aSnapshotOfAFeedIsThatFeed() {
    assertThat(FieldSources.sameFeed("relaton-ieee-2025", "relaton-ieee")).isTrue();
    assertThat(FieldSources.sameFeed("relaton-ieee-2025.yaml.gz", "relaton-ieee")).isTrue();
    assertThat(FieldSources.sameFeed("relaton-iso", "relaton-iec")).isFalse();
  }
}
