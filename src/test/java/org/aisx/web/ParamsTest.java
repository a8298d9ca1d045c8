package org.aisx.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.aisx.catalog.CatalogException;
import org.aisx.catalog.Problem;
import org.junit.jupiter.api.Test;

/** The one parameter parser: values, defaults, and refusals that name the parameter. */
class ParamsTest {
  private static Params params(String... nameValue) {
    Map<String, List<String>> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < nameValue.length; i += 2) {
      map.computeIfAbsent(nameValue[i], k -> new java.util.ArrayList<>()).add(nameValue[i + 1]);
    }
    return Params.of(map);
  }

  private static Problem refusal(Runnable read) {
    try {
      read.run();
    } catch (CatalogException.BadParameter e) {
      assertThat(e.code()).isEqualTo("bad_parameter");
      return e.problems().get(0);
    }
    throw new AssertionError("not refused");
  }

  @Test
  void textIsStrippedAndEmptyCountsAsAbsent() {
    Params p = params("q", "  risk  ", "blank", "   ");
    assertThat(p.text("q")).isEqualTo("risk");
    assertThat(p.text("blank")).isNull();
    assertThat(p.text("missing")).isNull();
    assertThat(p.has("q")).isTrue();
    assertThat(p.has("blank")).isFalse();
    assertThat(params("password", " secret ").raw("password")).isEqualTo(" secret ");
  }

  @Test
  void aValueGivenTwiceOrTooLongIsRefusedByName() {
    assertThat(refusal(() -> params("q", "a", "q", "b").text("q")))
        .isEqualTo(new Problem("q", "given more than once"));
    assertThat(refusal(() -> params("q", "abcdef").text("q", 5)))
        .isEqualTo(new Problem("q", "longer than 5 characters"));
  }

  @Test
  void numbersHaveARangeAndAFallback() {
    assertThat(params("page", "3").number("page", 1, 10, 1)).isEqualTo(3);
    assertThat(params().number("page", 1, 10, 1)).isEqualTo(1);
    assertThat(params().number("before", 1, Long.MAX_VALUE)).isNull();
    assertThat(refusal(() -> params("page", "0").number("page", 1, 10, 1)))
        .isEqualTo(new Problem("page", "'0' is not a whole number from 1 to 10"));
    assertThat(refusal(() -> params("page", "ten").number("page", 1, 10, 1)).field())
        .isEqualTo("page");
    assertThat(refusal(() -> params("before", "-1").number("before", 1, Long.MAX_VALUE)))
        .isEqualTo(new Problem("before", "'-1' is not a whole number from 1"));
  }

  @Test
  void choicesListWhatIsAllowed() {
    Map<String, Boolean> options = Params.options("include", true, "exclude", false);
    assertThat(params("s", "exclude").choice("s", options, true)).isFalse();
    assertThat(params().choice("s", options, true)).isTrue();
    assertThat(refusal(() -> params("s", "maybe").choice("s", options, true)))
        .isEqualTo(new Problem("s", "'maybe' is not one of include, exclude"));
    assertThat(refusal(() -> params().choice("s", options)))
        .isEqualTo(new Problem("s", "required: one of include, exclude"));
    assertThat(params("s", "include", "s", "exclude", "s", "include").choices("s", options))
        .containsExactly(true, false);
  }

  @Test
  void repeatedValuesAreKeptOnceEachWithinLimits() {
    assertThat(params("sdo", "ISO", "sdo", " ", "sdo", "IEEE", "sdo", "ISO").all("sdo", 5, 10))
        .containsExactly("ISO", "IEEE");
    assertThat(refusal(() -> params("sdo", "a", "sdo", "b", "sdo", "c").all("sdo", 2, 10)))
        .isEqualTo(new Problem("sdo", "more than 2 values"));
    assertThat(refusal(() -> params("sdo", "x".repeat(11)).all("sdo", 2, 10)))
        .isEqualTo(new Problem("sdo", "value longer than 10 characters"));
  }

  @Test
  void onlyKnownParametersAndTheLanguageSwitchPassWhenAsked() {
    params("q", "x", "lang", "fr").onlyKnown(List.of("q", "page"));
    assertThat(refusal(() -> params("colour", "blue").onlyKnown(List.of("q", "page"))))
        .isEqualTo(new Problem("colour", "unknown parameter; known: q, page, lang"));
  }

  @Test
  void aParameterWithoutANameIsNone() {
    Params p = params("q", "x", "", "", "", "y");
    p.onlyKnown(List.of("q"));
    assertThat(p.text("")).isNull();
  }

  @Test
  void aLongRefusedValueIsCutShortInTheMessage() {
    String v = "y".repeat(500);
    assertThat(
            refusal(() -> params("s", v).choice("s", Params.options("a", 1, "b", 2), 1)).problem())
        .hasSizeLessThan(100);
    assertThatThrownBy(() -> params("n", v).number("n", 1, 2, 1))
        .hasMessageNotContaining("y".repeat(61));
  }
}
