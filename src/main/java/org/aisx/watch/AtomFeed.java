package org.aisx.watch;

import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An Atom 1.0 feed (RFC 4287), written with the platform's XML writer so that every text and
 * attribute is escaped; characters XML 1.0 cannot carry at all (most control characters, lone
 * surrogates) are dropped first.
 */
public record AtomFeed(
    String id,
    String title,
    String subtitle,
    String selfUrl,
    String alternateUrl,
    Instant updated,
    String lang,
    List<Entry> entries) {
  public static final String MEDIA_TYPE = "application/atom+xml";
  private static final String NS = "http://www.w3.org/2005/Atom";

  public AtomFeed {
    entries = List.copyOf(entries);
  }

  /** One entry: a change to a record, linking to the record's page. */
  public record Entry(
      String id,
      String title,
      Instant updated,
      String link,
      String summary,
      String author,
      List<String> categories) {
    public Entry {
      categories = List.copyOf(categories);
    }
  }

  /** The feed as an XML document in UTF-8. */
  public String xml() {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      w.writeStartDocument("UTF-8", "1.0");
      w.writeStartElement("feed");
      w.writeDefaultNamespace(NS);
      w.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", clean(lang));
      text(w, "id", id);
      text(w, "title", title);
      if (subtitle != null && !subtitle.isEmpty()) {
        text(w, "subtitle", subtitle);
      }
      link(w, "self", MEDIA_TYPE, selfUrl);
      link(w, "alternate", "text/html", alternateUrl);
      text(w, "updated", time(updated));
      w.writeStartElement("author");
      text(w, "name", "AI Standards Exchange");
      w.writeEndElement();
      text(w, "generator", "aisx");
      for (Entry e : entries) {
        w.writeStartElement("entry");
        text(w, "id", e.id());
        text(w, "title", e.title());
        text(w, "updated", time(e.updated()));
        link(w, "alternate", "text/html", e.link());
        if (e.author() != null && !e.author().isEmpty()) {
          w.writeStartElement("author");
          text(w, "name", e.author());
          w.writeEndElement();
        }
        for (String c : e.categories()) {
          w.writeEmptyElement("category");
          w.writeAttribute("term", clean(c));
        }
        w.writeStartElement("summary");
        w.writeAttribute("type", "text");
        w.writeCharacters(clean(e.summary()));
        w.writeEndElement();
        w.writeEndElement();
      }
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the feed", e);
    }
    return out.toString();
  }

  private static void text(XMLStreamWriter w, String name, String value) throws XMLStreamException {
    w.writeStartElement(name);
    w.writeCharacters(clean(value));
    w.writeEndElement();
  }

  private static void link(XMLStreamWriter w, String rel, String type, String href)
      throws XMLStreamException {
    w.writeEmptyElement("link");
    w.writeAttribute("rel", rel);
    w.writeAttribute("type", type);
    w.writeAttribute("href", clean(href));
  }

  /** RFC 3339 to the second, in UTC. */
  private static String time(Instant t) {
    return (t == null ? Instant.EPOCH : t).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /**
   * The text without the characters XML 1.0 forbids; the writer escapes the rest ({@code < & >} and
   * quotes in attributes).
   */
  static String clean(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      int n = Character.charCount(c);
      boolean ok =
          c == 0x9
              || c == 0xA
              || c == 0xD
              || (c >= 0x20 && c <= 0xD7FF)
              || (c >= 0xE000 && c <= 0xFFFD)
              || (c >= 0x10000 && c <= 0x10FFFF);
      if (ok) {
        b.appendCodePoint(c);
      }
      i += n;
    }
    return b.toString();
  }
}
