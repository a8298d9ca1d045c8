package org.aisx.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CLDR plural rules of the six languages, and the plural forms of the bundles' patterns. */
class PluralsTest {
  private static Map<Long, String> categories(String lang, long... ns) {
    Map<Long, String> out = new LinkedHashMap<>();
    for (long n : ns) {
      out.put(n, Plurals.category(lang, n));
    }
    return out;
  }

  @Test
  void englishHasOneForOneAndOtherForEveryOtherNumber() {
    assertThat(categories("en", 0, 1, 2, 11, 21, 101))
        .containsExactly(
            Map.entry(0L, "other"),
            Map.entry(1L, "one"),
            Map.entry(2L, "other"),
            Map.entry(11L, "other"),
            Map.entry(21L, "other"),
            Map.entry(101L, "other"));
  }

  @Test
  void frenchSaysZeroAndOneInTheSingularAndMillionsWithDe() {
    assertThat(categories("fr", 0, 1, 2, 21, 1_000_000, 2_000_000, 1_000_001))
        .containsExactly(
            Map.entry(0L, "one"),
            Map.entry(1L, "one"),
            Map.entry(2L, "other"),
            Map.entry(21L, "other"),
            Map.entry(1_000_000L, "many"),
            Map.entry(2_000_000L, "many"),
            Map.entry(1_000_001L, "other"));
  }

  @Test
  void spanishSaysOnlyOneInTheSingular() {
    assertThat(categories("es", 0, 1, 2, 1_000_000))
        .containsExactly(
            Map.entry(0L, "other"),
            Map.entry(1L, "one"),
            Map.entry(2L, "other"),
            Map.entry(1_000_000L, "many"));
  }

  @Test
  void russianChoosesByTheLastDigitsWithTheTeensApart() {
    assertThat(categories("ru", 1, 21, 101, 2, 3, 4, 22, 104, 0, 5, 11, 12, 14, 19, 111, 112, 25))
        .containsExactly(
            Map.entry(1L, "one"),
            Map.entry(21L, "one"),
            Map.entry(101L, "one"),
            Map.entry(2L, "few"),
            Map.entry(3L, "few"),
            Map.entry(4L, "few"),
            Map.entry(22L, "few"),
            Map.entry(104L, "few"),
            Map.entry(0L, "many"),
            Map.entry(5L, "many"),
            Map.entry(11L, "many"),
            Map.entry(12L, "many"),
            Map.entry(14L, "many"),
            Map.entry(19L, "many"),
            Map.entry(111L, "many"),
            Map.entry(112L, "many"),
            Map.entry(25L, "many"));
  }

  @Test
  void arabicHasZeroOneTwoFewManyAndOther() {
    assertThat(categories("ar", 0, 1, 2, 3, 10, 103, 11, 99, 111, 100, 101, 102, 200))
        .containsExactly(
            Map.entry(0L, "zero"),
            Map.entry(1L, "one"),
            Map.entry(2L, "two"),
            Map.entry(3L, "few"),
            Map.entry(10L, "few"),
            Map.entry(103L, "few"),
            Map.entry(11L, "many"),
            Map.entry(99L, "many"),
            Map.entry(111L, "many"),
            Map.entry(100L, "other"),
            Map.entry(101L, "other"),
            Map.entry(102L, "other"),
            Map.entry(200L, "other"));
  }

  @Test
  void chineseHasOneFormForEveryNumber() {
    assertThat(categories("zh", 0, 1, 2, 5).values()).containsOnly("other");
  }

  @Test
  void aPatternPicksTheFormOfItsCountAndWritesTheCountInTheLanguagesForm() {
    String ru = "{0,plural,one{# запись} few{# записи} many{# записей} other{# записи}}";
    Locale russian = Locale.forLanguageTag("ru");
    assertThat(Plurals.format(ru, russian, 1)).isEqualTo("1 запись");
    assertThat(Plurals.format(ru, russian, 3)).isEqualTo("3 записи");
    assertThat(Plurals.format(ru, russian, 11)).isEqualTo("11 записей");
    assertThat(Plurals.format(ru, russian, 12_345)).isEqualTo("12\u00a0345 записей");

    String en = "{0,plural,=0{no result} one{# result} other{# results}}, page {1}";
    assertThat(Plurals.format(en, Locale.ENGLISH, 0, "x")).isEqualTo("no result, page x");
    assertThat(Plurals.format(en, Locale.ENGLISH, 1, "x")).isEqualTo("1 result, page x");
    assertThat(Plurals.format(en, Locale.ENGLISH, 1234, "x")).isEqualTo("1,234 results, page x");
    // A count given as text of digits chooses too, and is written as given elsewhere.
    assertThat(Plurals.format("{0} {0,plural,one{field} other{fields}}", Locale.ENGLISH, "1"))
        .isEqualTo("1 field");
    assertThat(Plurals.format("{0,plural,one{# field} other{# fields}}", Locale.ENGLISH, "1234"))
        .isEqualTo("1234 fields");
    // A form the pattern does not give is said as other; quoted braces are text.
    assertThat(Plurals.format("{0,plural,other{# x '{y}' ''z''}}", Locale.ENGLISH, 2))
        .isEqualTo("2 x {y} 'z'");
  }

  @Test
  void aPatternWithoutPluralsIsLeftAsItIsAndABrokenOneIsRefused() {
    assertThat(Plurals.resolve("{0} results", "en", 1)).isEqualTo("{0} results");
    assertThatThrownBy(() -> Plurals.resolve("{0,plural,one{x}", "en", 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Plurals.resolve("{0,plural,one x}", "en", 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
