package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MessagesTest {

  private static String note(String lang, int count) {
    return new Messages(Locale.forLanguageTag(lang)).get("results.meaningNote", count);
  }

  @Test
  void oneResultCloseInMeaningIsSaidInTheSingularInEveryLanguageThatHasOne() {
    assertThat(note("en", 1)).startsWith("1 result on this page is close in meaning");
    assertThat(note("en", 3)).startsWith("3 of the results on this page are close in meaning");
    assertThat(note("fr", 1)).startsWith("1 résultat de cette page est proche");
    assertThat(note("fr", 4)).startsWith("4 des résultats de cette page sont proches");
    assertThat(note("es", 1)).startsWith("1 resultado de esta página es cercano");
    assertThat(note("ru", 1)).startsWith("1 результат на этой странице близок");
    assertThat(note("ru", 3)).startsWith("3 результата на этой странице близки");
    assertThat(note("ru", 5)).startsWith("5 результатов на этой странице близки");
    assertThat(note("ar", 1)).startsWith("نتيجة واحدة في هذه الصفحة قريبة");
    assertThat(note("ar", 2)).startsWith("نتيجتان في هذه الصفحة قريبتان");
    assertThat(note("zh", 1)).contains("1").contains("条结果");
  }

  /**
   * A refused address names its parameter as the page's language calls it ("Depuis", not "since"):
   * every query parameter the API describes has a name in every language.
   */
  @Test
  void everyQueryParameterOfTheApiHasANameInEveryLanguage() throws IOException {
    Set<String> names = new TreeSet<>();
    try (InputStream in = MessagesTest.class.getResourceAsStream("/openapi.json")) {
      new ObjectMapper()
          .readTree(in)
          .findParents("in")
          .forEach(
              p -> {
                if (p.path("in").asText().equals("query")) {
                  names.add(p.path("name").asText());
                }
              });
    }
    assertThat(names).hasSizeGreaterThan(40);
    for (String lang : new String[] {"ar", "en", "es", "fr", "ru", "zh"}) {
      Messages m = new Messages(Locale.forLanguageTag(lang));
      assertThat(names.stream().filter(n -> m.fieldLabel(n) == null))
          .as("query parameters without a name in " + lang)
          .isEmpty();
    }
  }
}
