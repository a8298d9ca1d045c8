package org.aisx.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a record shows a reader of one language. */
class StandardTest {
  @Test
  void aFeedsPlaceholderForAMissingTitleIsNoTitleInItsLanguage() {
    Standard s =
        Standard.builder("ISO/IEC DTR 17903")
            .title(
                Map.of(
                    "en", "Overview of machine learning computing devices", "fr", "Titre manque"))
            .build();
    assertThat(s.titleIn("fr")).isEqualTo("Overview of machine learning computing devices");
    assertThat(s.titleLanguage("fr")).isEqualTo("en");
    Standard part =
        Standard.builder("IEC 60601-2-23")
            .title(
                Map.of(
                    "en",
                    "Medical electrical equipment - Part 2-23",
                    "fr",
                    "Appareils électromédicaux - Partie 2-23: Titre manque"))
            .build();
    assertThat(part.titleIn("fr")).isEqualTo("Medical electrical equipment - Part 2-23");
    Standard english =
        Standard.builder("ISO 1").title(Map.of("en", "Title missing", "fr", "Un titre")).build();
    assertThat(english.titleIn("en")).isEqualTo("Un titre");
    assertThat(Standard.isPlaceholderTitle("Titre manque -- Amendement 1")).isTrue();
    assertThat(Standard.isPlaceholderTitle("Title missing - Legacy paper document")).isTrue();
    assertThat(Standard.isPlaceholderTitle("Missing values in datasets")).isFalse();
  }

  /**
   * A record whose feed gives nothing but placeholders is untitled: it is named by its identifier,
   * and the placeholder is shown in no language.
   */
  @Test
  void aRecordWithOnlyAPlaceholderForATitleIsNamedByItsIdentifier() {
    Standard only =
        Standard.builder("ISO 2")
            .title(Map.of("fr", "Partie 2-23: Titre manque", "en", "Title missing"))
            .build();
    assertThat(only.untitled()).isTrue();
    assertThat(only.titleIn("fr")).isEmpty();
    assertThat(only.titleOrNull("fr")).isNull();
    assertThat(only.nameIn("fr")).isEqualTo("ISO 2");
    assertThat(only.nameIn("en")).isEqualTo("ISO 2");
    assertThat(Standard.realTitles(only.title())).isEmpty();
  }

  /** ISO's feed fills some French titles with the English one: that is English, shown as such. */
  @Test
  void aFrenchTitleThatCopiesTheEnglishOneIsShownAsEnglish() {
    String english = "Quantities and units - Part 15: Logarithmic and related quantities";
    Standard copied =
        Standard.builder("IEC/CD 80000-15")
            .title(Map.of("en", english, "fr", english + " "))
            .summary(Map.of("en", "Scope.", "fr", "Scope."))
            .build();
    assertThat(copied.titleIn("fr")).isEqualTo(english);
    assertThat(copied.titleLanguage("fr")).isEqualTo("en");
    assertThat(copied.abstractLanguage("fr")).isEqualTo("en");
    assertThat(copied.title()).containsKey("fr"); // what the feed gave is kept
    Standard translated =
        Standard.builder("ISO 10848-1:2017")
            .title(Map.of("en", "Acoustics", "fr", "Acoustique"))
            .build();
    assertThat(translated.titleLanguage("fr")).isEqualTo("fr");
    assertThat(translated.titleIn("fr")).isEqualTo("Acoustique");
  }
}
