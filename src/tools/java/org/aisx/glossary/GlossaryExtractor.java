package org.aisx.glossary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aisx.catalog.Json;
import org.aisx.catalog.Slug;
import org.aisx.ingest.Inputs;
import org.aisx.semantic.Embedder;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * Build tool: writes the bundled glossary ({@code src/main/resources/glossary/glossary.json}) from
 * the vocabularies' own files, parsed with Apache Jena: W3C DPV's AI and EU AI Act extensions
 * (Turtle) and VAIR (JSON-LD), plus the definitions the bundled corpus's summaries state ("A
 * foundation model is ..."). Then suggests mappings between terms of different vocabularies, by the
 * rules of {@link MappingRules}, embedding definitions with the product's {@link Embedder}.
 *
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) \
 *   org.aisx.glossary.GlossaryExtractor ../shared/data src/main/resources/glossary/glossary.json
 * </pre>
 */
public final class GlossaryExtractor {
  static final String AI_ACT_URL = "https://eur-lex.europa.eu/eli/reg/2024/1689/oj";

  private static final Pattern AI_ACT =
      Pattern.compile("^(?:AIA|The AI Act|EU AI Act|AI Act)\\b[\\s,]*(.*)$");
  private static final Pattern ISO =
      Pattern.compile(
          "^((?:ISO/IEC|ISO|IEC)(?:/IEEE)?\\s+(?:TR\\s+|TS\\s+)?[0-9][0-9-]*(?::[0-9]{4})?)[\\s,]*(.*)$");
  private static final Pattern QUOTED_DEFINITION =
      Pattern.compile("^(.*?)\\s*\\(([^()]*?)\\s+definition\\)\\s*\\.?$", Pattern.DOTALL);
  private static final Pattern CATALOGUE_DEFINITION =
      Pattern.compile(
          "(?:^|(?<=[.!?]\\s))(?:An?|The term)\\s+['‘\"“]?([A-Za-z][\\w\\- ]{2,60}?)['’\"”]?"
              + "\\s+((?:is|are|means|is defined as)\\s+(?:an?|any|the)\\s|refers to\\s)([^.]{10,400}\\.)");

  private GlossaryExtractor() {}

  /** A vocabulary to read: its file, namespace and how it is cited. */
  record Source(Vocabulary vocabulary, String file, String namespace) {}

  static final String W3C_NOTICE =
      "This includes material copied from the W3C Data Privacy Vocabularies and Controls (DPV),"
          + " https://w3id.org/dpv, Copyright © 2022-2026 World Wide Web Consortium.";

  public static void main(String[] args) throws IOException {
    Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
    Path out = Path.of(args.length > 1 ? args[1] : "src/main/resources/glossary/glossary.json");
    String w3cLicence = Files.readString(data.resolve("dpv/LICENSE.md"), StandardCharsets.UTF_8);
    String vairLicence = Files.readString(data.resolve("vair/LICENSE.md"), StandardCharsets.UTF_8);
    List<Source> sources =
        List.of(
            new Source(
                new Vocabulary(
                    "dpv-ai",
                    "W3C DPV AI extension (DPV 2.3)",
                    "https://w3id.org/dpv/ai",
                    W3C_NOTICE,
                    "W3C Software and Document License",
                    "https://www.w3.org/copyright/software-license-2023/",
                    w3cLicence.strip()),
                "dpv/ai.ttl",
                "https://w3id.org/dpv/ai#"),
            new Source(
                new Vocabulary(
                    "eu-ai-act",
                    "W3C DPV EU AI Act extension (DPV 2.3)",
                    "https://w3id.org/dpv/legal/eu/aiact",
                    W3C_NOTICE,
                    "W3C Software and Document License",
                    "https://www.w3.org/copyright/software-license-2023/",
                    w3cLicence.strip()),
                "dpv/eu-aiact.ttl",
                "https://w3id.org/dpv/legal/eu/aiact#"),
            new Source(
                new Vocabulary(
                    "vair",
                    "VAIR, Vocabulary of AI Risks 1.0",
                    "https://w3id.org/vair",
                    "VAIR (c) by Delaram Golpayegani, licensed under CC BY 4.0. D. Golpayegani,"
                        + " H. J. Pandit and D. Lewis, \"To Be High-Risk, or Not To Be\", FAccT 2023.",
                    "Creative Commons Attribution 4.0 International",
                    "https://creativecommons.org/licenses/by/4.0/",
                    vairLicence.strip()),
                "vair/vair.jsonld",
                "https://w3id.org/vair#"));
    Map<String, Term> terms = new LinkedHashMap<>();
    Set<String> ids = new java.util.HashSet<>();
    Map<String, String> idByIri = new HashMap<>();
    Map<String, Map<String, List<String>>> explicit = new LinkedHashMap<>();
    for (Source s : sources) {
      Model model = RDFDataMgr.loadModel(data.resolve(s.file()).toString());
      int before = terms.size();
      for (Resource r : concepts(model, s.namespace())) {
        Term t = term(r, s, ids);
        terms.put(t.id(), t);
        idByIri.put(t.iri(), t.id());
        explicit.put(t.id(), links(r));
      }
      System.out.printf(
          Locale.ROOT,
          "%s: %d terms from %s%n",
          s.vocabulary().id(),
          terms.size() - before,
          s.file());
    }
    Vocabulary catalogue =
        new Vocabulary(
            "catalogue",
            "Definitions in the catalogue's record summaries",
            null,
            "Quoted from the summaries of the records cited; the summaries belong to their"
                + " publishers.",
            null,
            null,
            null);
    int before = terms.size();
    for (Term t : catalogueTerms(ids)) {
      terms.put(t.id(), t);
    }
    System.out.printf(
        Locale.ROOT, "catalogue: %d terms from the bundled corpus%n", terms.size() - before);
    List<Vocabulary> vocabularies = new ArrayList<>();
    sources.forEach(s -> vocabularies.add(s.vocabulary()));
    vocabularies.add(catalogue);

    System.out.println("embedding " + terms.size() + " terms ...");
    Embedder embedder = new Embedder();
    Map<String, float[]> vectors = new LinkedHashMap<>();
    int n = 0;
    for (Term t : terms.values()) {
      vectors.put(t.id(), embedder.embed(MappingRules.textOf(t)));
      if (++n % 100 == 0) {
        System.out.println("  " + n + " / " + terms.size());
      }
    }
    List<Suggested> suggestions =
        new MappingRules(List.copyOf(terms.values()), vectors, explicit, idByIri).suggest();
    System.out.println(suggestions.size() + " suggestions");
    Bundle bundle =
        new Bundle(
            LocalDate.now(ZoneOffset.UTC).toString(),
            MappingRules.VERSION,
            vocabularies,
            List.copyOf(terms.values()),
            suggestions);
    ObjectMapper json = Json.mapper();
    Files.createDirectories(out.getParent());
    json.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), bundle);
    System.out.println("wrote " + out);
  }

  /** The concepts of a vocabulary: subjects in its namespace with a label and a definition. */
  static List<Resource> concepts(Model model, String namespace) {
    Set<Resource> out = new LinkedHashSet<>();
    model
        .listSubjectsWithProperty(SKOS.definition)
        .forEachRemaining(
            r -> {
              if (r.isURIResource()
                  && r.getURI().startsWith(namespace)
                  && r.getURI().length() > namespace.length()
                  && (r.hasProperty(SKOS.prefLabel) || r.hasProperty(RDFS.label))
                  && !literals(r, SKOS.prefLabel).getOrDefault("en", "x").isBlank()) {
                out.add(r);
              }
            });
    List<Resource> sorted = new ArrayList<>(out);
    sorted.sort(Comparator.comparing(Resource::getURI));
    return sorted;
  }

  private static Map<String, String> literals(Resource r, Property p) {
    Map<String, String> out = new LinkedHashMap<>();
    r.listProperties(p)
        .forEachRemaining(
            st -> {
              if (st.getObject().isLiteral()) {
                Literal l = st.getLiteral();
                String lang = l.getLanguage().isEmpty() ? "en" : l.getLanguage();
                out.putIfAbsent(lang, l.getLexicalForm().strip().replaceAll("\\s+", " "));
              }
            });
    return out;
  }

  /** The explicit SKOS links of a concept, by property local name, as IRIs. */
  static Map<String, List<String>> links(Resource r) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Property p :
        List.of(SKOS.broader, SKOS.narrower, SKOS.related, SKOS.exactMatch, SKOS.closeMatch)) {
      List<String> targets = new ArrayList<>();
      r.listProperties(p)
          .forEachRemaining(
              st -> {
                if (st.getObject().isURIResource()) {
                  targets.add(st.getObject().asResource().getURI());
                }
              });
      if (!targets.isEmpty()) {
        out.put(p.getLocalName(), targets);
      }
    }
    return out;
  }

  /** A cited source: its name as given and its address when the vocabulary gives one. */
  record Cited(String name, String url) {}

  private static List<Cited> cited(Resource r) {
    List<Cited> out = new ArrayList<>();
    for (Statement st : r.listProperties(DCTerms.source).toList()) {
      RDFNode o = st.getObject();
      if (o.isLiteral()) {
        out.add(new Cited(o.asLiteral().getLexicalForm().strip(), null));
      } else if (o.isAnon()) {
        Resource b = o.asResource();
        String name = null;
        String url = null;
        for (Statement s2 : b.listProperties().toList()) {
          String local = s2.getPredicate().getLocalName();
          if (local.equals("name") && s2.getObject().isLiteral()) {
            name = s2.getObject().asLiteral().getLexicalForm().strip();
          } else if (local.equals("url")) {
            url =
                s2.getObject().isLiteral()
                    ? s2.getObject().asLiteral().getLexicalForm()
                    : s2.getObject().asResource().getURI();
          }
        }
        if (name != null) {
          out.add(new Cited(name, url));
        }
      }
    }
    out.sort(Comparator.comparing(Cited::name));
    return out;
  }

  static Term term(Resource r, Source s, Set<String> ids) {
    Map<String, String> label = literals(r, SKOS.prefLabel);
    if (label.isEmpty()) {
      label = literals(r, RDFS.label);
    }
    String id = Slug.of(label.getOrDefault("en", r.getLocalName()));
    if (id.isEmpty() || !ids.add(id)) {
      id = Slug.of(label.getOrDefault("en", r.getLocalName()) + " " + s.vocabulary().id());
      int k = 2;
      String base = id;
      while (!ids.add(id)) {
        id = base + "-" + k++;
      }
    }
    List<Cited> sources = cited(r);
    List<Definition> definitions = new ArrayList<>();
    for (Statement st : r.listProperties(SKOS.definition).toList()) {
      if (!st.getObject().isLiteral()) {
        continue;
      }
      Literal l = st.getLiteral();
      String lang = l.getLanguage().isEmpty() ? "en" : l.getLanguage();
      String text = l.getLexicalForm().strip().replaceAll("\\s+", " ");
      String[] parts = text.split("(?<=definition\\));\\s*or\\s+");
      if (parts.length > 1) {
        // DPV quotes several sources' definitions in one text, each ending "(X definition)".
        for (String part : parts) {
          Matcher m = QUOTED_DEFINITION.matcher(part.strip());
          if (m.matches()) {
            String who = m.group(2).strip();
            Definition d = cite(m.group(1).strip(), lang, who, match(who, sources), s);
            definitions.add(d);
          } else {
            definitions.add(cite(part.strip(), lang, null, null, s));
          }
        }
      } else if (sources.isEmpty()) {
        definitions.add(cite(text, lang, null, null, s));
      } else {
        definitions.add(cite(text, lang, sources.get(0).name(), sources.get(0).url(), s));
      }
    }
    return new Term(id, s.vocabulary().id(), r.getURI(), label, definitions);
  }

  /** The address of the cited source sharing a distinctive word with {@code who}, if any. */
  private static String match(String who, List<Cited> sources) {
    Set<String> words = new LinkedHashSet<>();
    for (String w : who.toLowerCase(Locale.ROOT).split("[^a-z0-9/]+")) {
      if (w.length() >= 4) {
        words.add(w);
      }
    }
    for (Cited c : sources) {
      for (String w : c.name().toLowerCase(Locale.ROOT).split("[^a-z0-9/]+")) {
        if (words.contains(w) && c.url() != null) {
          return c.url();
        }
      }
    }
    return null;
  }

  /**
   * A definition with its citation made uniform: "AIA (Art. 3(1))" → "EU AI Act, Art. 3(1)",
   * "ISO/IEC 22989:2022 3.1.29" → "ISO/IEC 22989:2022, 3.1.29", "OECD.AI" → "OECD". Without a cited
   * source, the vocabulary itself is the source.
   */
  static Definition cite(String text, String lang, String raw, String url, Source s) {
    if (raw == null || raw.isBlank()) {
      return new Definition(text, lang, s.vocabulary().name(), null, s.vocabulary().url());
    }
    String c = raw.strip().replaceAll("\\s+", " ");
    if (s.vocabulary().id().equals("eu-ai-act") && c.matches("^(Annex|Art).*")) {
      c = "AI Act " + c;
    }
    Matcher act = AI_ACT.matcher(c);
    if (act.matches()) {
      String rest = act.group(1).strip();
      if (rest.startsWith("(") && rest.endsWith(")")) {
        rest = rest.substring(1, rest.length() - 1).strip();
      }
      rest =
          rest.replaceAll("\\s+\\(", "(")
              .replaceAll("^Anx\\.?\\s*", "Annex ")
              .replaceAll("^Annex\\.\\s*", "Annex ")
              .replaceAll("^Art(?:icle)?\\.?\\s*", "Art. ");
      return new Definition(
          text,
          lang,
          rest.isEmpty() ? "EU AI Act" : "EU AI Act, " + rest,
          "EU AI Act",
          url != null ? url : AI_ACT_URL);
    }
    Matcher iso = ISO.matcher(c);
    if (iso.matches()) {
      String doc = iso.group(1).strip();
      String clause = iso.group(2).strip();
      return new Definition(text, lang, clause.isEmpty() ? doc : doc + ", " + clause, doc, url);
    }
    if (c.startsWith("OECD")) {
      String rest = c.substring(4).replaceFirst("^\\.AI", "").strip();
      return new Definition(
          text,
          lang,
          rest.isEmpty() ? "OECD" : "OECD (" + rest + ")",
          "OECD",
          url != null ? url : "https://oecd.ai/en/ai-principles");
    }
    return new Definition(text, lang, c, c, url);
  }

  /**
   * The terms the bundled corpus's English summaries define in a sentence of the form "A(n) X is
   * ...", "The term 'X' refers to ...": the record cited as the source.
   */
  static List<Term> catalogueTerms(Set<String> ids) throws IOException {
    List<Term> out = new ArrayList<>();
    ObjectMapper json = Json.mapper();
    JsonNode root;
    try (InputStream in = GlossaryExtractor.class.getResourceAsStream("/corpus/starter.json")) {
      if (in == null) {
        throw new IOException("/corpus/starter.json is not on the class path");
      }
      root = json.readTree(Inputs.decompressed(in));
    }
    for (JsonNode r : root.path("records")) {
      String summary = r.path("abstract").path("en").asText("");
      Matcher m = CATALOGUE_DEFINITION.matcher(summary);
      while (m.find()) {
        String label = m.group(1).strip();
        if (label.split(" ").length > 5) {
          continue;
        }
        String id = Slug.of(label);
        if (!ids.add(id)) {
          continue;
        }
        String identifier = r.path("identifier").asText();
        String url = r.path("url").isTextual() ? r.path("url").asText() : null;
        out.add(
            new Term(
                id,
                "catalogue",
                null,
                Map.of("en", label),
                List.of(
                    new Definition(
                        m.group(0).strip(), "en", identifier + ", summary", identifier, url))));
      }
    }
    return out;
  }
}
