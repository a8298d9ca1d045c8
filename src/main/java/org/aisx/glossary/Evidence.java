package org.aisx.glossary;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a machine-suggested mapping rests on, read back from the evidence the glossary stores
 * (written in one of four shapes by the build tool's {@code MappingRules}): the two terms have the
 * same label; one label specialises the other; each definition is the other's nearest; or a
 * vocabulary links the two itself with a SKOS property. {@code cosine} is how alike the two
 * definitions are (null when the evidence does not say). A text of another shape is {@link
 * Kind#OTHER}, kept in {@code text}, so that pages can say every known shape in their own language.
 *
 * @param narrower the specialised label ({@link Kind#SPECIALISES})
 * @param broader the label it specialises
 * @param vocabulary the vocabulary that links them ({@link Kind#LINKED})
 * @param property the SKOS property it links them by, e.g. {@code broader}
 */
public record Evidence(
    Kind kind,
    Double cosine,
    String narrower,
    String broader,
    String vocabulary,
    String property,
    String text) {

  /** The shapes of evidence. */
  public enum Kind {
    SAME_LABEL,
    SPECIALISES,
    NEAREST,
    LINKED,
    OTHER
  }

  private static final Pattern COSINE = Pattern.compile("(.*); definitions cosine (-?[0-9.]+)");
  private static final Pattern SAME = Pattern.compile("same label '(.*)' / '(.*)'");
  private static final Pattern SPECIALISES = Pattern.compile("label '(.*)' specialises '(.*)'");
  private static final Pattern LINKED = Pattern.compile("skos:(\\w+) (.*) in ([\\w.-]+)");

  /** {@code text} as the build tool wrote it. */
  public static Evidence parse(String text) {
    if (text == null) {
      return new Evidence(Kind.OTHER, null, null, null, null, null, "");
    }
    Matcher c = COSINE.matcher(text);
    if (!c.matches()) {
      return new Evidence(Kind.OTHER, null, null, null, null, null, text);
    }
    String why = c.group(1);
    Double cosine;
    try {
      cosine = Double.valueOf(c.group(2));
    } catch (NumberFormatException e) {
      return new Evidence(Kind.OTHER, null, null, null, null, null, text);
    }
    Matcher m;
    if (SAME.matcher(why).matches()) {
      return new Evidence(Kind.SAME_LABEL, cosine, null, null, null, null, text);
    }
    if ((m = SPECIALISES.matcher(why)).matches()) {
      return new Evidence(Kind.SPECIALISES, cosine, m.group(1), m.group(2), null, null, text);
    }
    if (why.equals("each other's nearest definition")) {
      return new Evidence(Kind.NEAREST, cosine, null, null, null, null, text);
    }
    if ((m = LINKED.matcher(why)).matches()) {
      return new Evidence(Kind.LINKED, cosine, null, null, m.group(3), m.group(1), text);
    }
    return new Evidence(Kind.OTHER, cosine, null, null, null, null, text);
  }
}
