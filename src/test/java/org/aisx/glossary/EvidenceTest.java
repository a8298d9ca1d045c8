package org.aisx.glossary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The evidence the glossary stores, read back as what it rests on and how alike the two are. */
class EvidenceTest {
  @Test
  void everyShapeTheBuildToolWritesIsRead() {
    assertThat(
            Evidence.parse(
                "same label 'Action Recognition' / 'Action Recognition'; definitions cosine 0.991"))
        .extracting(Evidence::kind, Evidence::cosine)
        .containsExactly(Evidence.Kind.SAME_LABEL, 0.991);
    Evidence specialises =
        Evidence.parse("label 'AI provider's system' specialises 'system'; definitions cosine 0.5");
    assertThat(specialises.kind()).isEqualTo(Evidence.Kind.SPECIALISES);
    assertThat(specialises.narrower()).isEqualTo("AI provider's system");
    assertThat(specialises.broader()).isEqualTo("system");
    assertThat(Evidence.parse("each other's nearest definition; definitions cosine 0.896").kind())
        .isEqualTo(Evidence.Kind.NEAREST);
    Evidence linked =
        Evidence.parse("skos:broader AI System → AI System in eu-ai-act; definitions cosine 0.870");
    assertThat(linked.kind()).isEqualTo(Evidence.Kind.LINKED);
    assertThat(linked.vocabulary()).isEqualTo("eu-ai-act");
    assertThat(linked.property()).isEqualTo("broader");
    assertThat(linked.cosine()).isEqualTo(0.87);
  }

  @Test
  void anotherShapeIsKeptAsText() {
    Evidence other = Evidence.parse("a person said so");
    assertThat(other.kind()).isEqualTo(Evidence.Kind.OTHER);
    assertThat(other.text()).isEqualTo("a person said so");
    assertThat(Evidence.parse(null).kind()).isEqualTo(Evidence.Kind.OTHER);
  }
}
