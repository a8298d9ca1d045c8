package org.aisx.taxonomy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL2;
import org.apache.jena.vocabulary.SKOS;

/**
 * A version of the taxonomy as SKOS, written by Apache Jena: each dimension a {@code
 * skos:ConceptScheme}, each concept a {@code skos:Concept} in it with a {@code skos:prefLabel} and
 * {@code skos:definition} per language (language-tagged), {@code skos:broader}/{@code
 * skos:narrower} for the hierarchy, its id as {@code skos:notation}, and {@code owl:deprecated
 * true} when retired. Concept IRIs are the concept pages of the service at {@code base}, so they
 * resolve.
 */
public final class Skos {
  /** The serialisations offered, with their media types. */
  public enum Format {
    TURTLE(RDFFormat.TURTLE_PRETTY, "text/turtle"),
    JSONLD(RDFFormat.JSONLD_PRETTY, "application/ld+json");

    private final RDFFormat rdf;
    private final String mediaType;

    Format(RDFFormat rdf, String mediaType) {
      this.rdf = rdf;
      this.mediaType = mediaType;
    }

    public String mediaType() {
      return mediaType;
    }
  }

  private Skos() {}

  /** The IRI of a dimension's scheme under {@code base} (e.g. {@code https://host}). */
  public static String schemeIri(String base, Dimension dim) {
    return base + "/taxonomy/" + dim.id();
  }

  /** The IRI of a concept: its page. */
  public static String conceptIri(String base, Dimension dim, String id) {
    return schemeIri(base, dim) + "/" + id;
  }

  /** {@code taxonomy} as an RDF model. */
  public static Model model(Taxonomy taxonomy, String base) {
    Model m = ModelFactory.createDefaultModel();
    m.setNsPrefix("skos", SKOS.uri);
    m.setNsPrefix("owl", OWL2.NS);
    m.setNsPrefix("dct", DCTerms.NS);
    for (Taxonomy.DimensionInfo info : taxonomy.dimensions()) {
      Dimension dim = info.dimension();
      Resource scheme = m.createResource(schemeIri(base, dim), SKOS.ConceptScheme);
      scheme.addProperty(SKOS.notation, dim.id());
      scheme.addProperty(
          OWL2.versionInfo, Integer.toString(taxonomy.version()), XSDDatatype.XSDstring);
      scheme.addProperty(DCTerms.source, "taxonomy.json " + taxonomy.base());
      texts(scheme, SKOS.prefLabel, info.labels());
      texts(scheme, SKOS.definition, info.definitions());
      for (Concept c : info.concepts().values()) {
        Resource r = m.createResource(conceptIri(base, dim, c.id()), SKOS.Concept);
        r.addProperty(SKOS.inScheme, scheme);
        r.addProperty(SKOS.notation, c.id());
        texts(r, SKOS.prefLabel, c.labels());
        texts(r, SKOS.definition, c.definitions());
        c.altLabels()
            .forEach((lang, list) -> list.forEach(alt -> r.addProperty(SKOS.altLabel, alt, lang)));
        if (c.parent() == null) {
          r.addProperty(SKOS.topConceptOf, scheme);
          scheme.addProperty(SKOS.hasTopConcept, r);
        } else {
          Resource parent = m.createResource(conceptIri(base, dim, c.parent()));
          r.addProperty(SKOS.broader, parent);
          parent.addProperty(SKOS.narrower, r);
        }
        if (c.retired()) {
          r.addLiteral(OWL2.deprecated, true);
        }
      }
    }
    return m;
  }

  /** {@code taxonomy} written as {@code format}. */
  public static String write(Taxonomy taxonomy, String base, Format format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RDFDataMgr.write(out, model(taxonomy, base), format.rdf);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static void texts(
      Resource r, org.apache.jena.rdf.model.Property p, Map<String, String> t) {
    for (String lang : List.copyOf(t.keySet())) {
      r.addProperty(p, t.get(lang), lang);
    }
  }
}
