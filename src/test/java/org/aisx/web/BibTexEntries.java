package org.aisx.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a BibTeX file the way BibTeX finds where things end, strictly, for tests of what the site
 * exports: entries {@code @type{key, name = {value}, ...}} with braced values only, where a value
 * ends at the brace that balances its opening one, every brace counted whether a backslash precedes
 * it or not (as BibTeX counts them). Anything else (text between entries, a value that ends early
 * and leaves the rest of the text where a field name should be, a file ending inside an entry)
 * fails with where it is. Each entry is its fields by name in order, with {@code @type} and {@code
 * @key}.
 */
final class BibTexEntries {
  private final String text;
  private int at;

  private BibTexEntries(String text) {
    this.text = text;
  }

  static List<Map<String, String>> read(String text) {
    return new BibTexEntries(text).entries();
  }

  private List<Map<String, String>> entries() {
    List<Map<String, String>> out = new ArrayList<>();
    while (true) {
      blanks();
      if (at == text.length()) {
        return out;
      }
      expect('@');
      Map<String, String> e = new LinkedHashMap<>();
      e.put("@type", word());
      expect('{');
      int comma = text.indexOf(',', at);
      if (comma < 0) {
        throw broken("a key and a comma");
      }
      e.put("@key", text.substring(at, comma).strip());
      at = comma + 1;
      while (true) {
        blanks();
        if (peek() == '}') {
          at++;
          break;
        }
        String name = word();
        blanks();
        expect('=');
        blanks();
        if (e.put(name, value()) != null) {
          throw broken("no field twice (" + name + ")");
        }
        blanks();
        if (peek() == ',') {
          at++;
        }
      }
      out.add(e);
    }
  }

  private String value() {
    expect('{');
    int start = at;
    int depth = 1;
    while (depth > 0) {
      if (at == text.length()) {
        throw broken("the end of a value");
      }
      char c = text.charAt(at++);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
      }
    }
    return text.substring(start, at - 1);
  }

  private String word() {
    int start = at;
    while (at < text.length() && Character.isLetter(text.charAt(at))) {
      at++;
    }
    if (at == start) {
      throw broken("a name");
    }
    return text.substring(start, at);
  }

  private void blanks() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }

  private char peek() {
    if (at == text.length()) {
      throw broken("more of the entry");
    }
    return text.charAt(at);
  }

  private void expect(char c) {
    if (peek() != c) {
      throw broken("'" + c + "'");
    }
    at++;
  }

  private AssertionError broken(String wanted) {
    int from = Math.max(0, at - 60);
    return new AssertionError(
        "BibTeX broken at "
            + at
            + ": wanted "
            + wanted
            + " after «"
            + text.substring(from, at)
            + "», found «"
            + text.substring(at, Math.min(text.length(), at + 60))
            + "»");
  }
}
