package org.aisx.suite;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DescriptionTest {
  @Test
  void theWordsOfADescriptionLeaveOutTheStopWordsOfTheSiteLanguages() {
    assertThat(
            new Description("How should we test what our chatbot tells them, and the data they use")
                .words())
        .containsExactly("test", "chatbot", "tells", "data");
    assertThat(
            new Description("Un assistant pour les clients de la banque, avec des réponses")
                .words())
        .containsExactly("assistant", "clients", "banque", "réponses");
    assertThat(new Description("the and for with").words()).isEmpty();
  }

  @Test
  void aDescriptionNamesALabelStemByStem() {
    Description d = new Description("a chatbot that answers questions about their bank accounts");
    assertThat(d.names("banking")).isTrue();
    assertThat(d.names("accountability")).isFalse();
    assertThat(d.names("ITS")).isFalse();
    assertThat(d.names("health")).isFalse();
    assertThat(new Description("lane keeping for passenger vehicles").names("vehicle")).isTrue();
  }
}
