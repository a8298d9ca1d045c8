package org.aisx.glossary;

import java.io.OutputStream;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;

/**
 * The glossary as SKOS, written with Apache Jena: one concept scheme per vocabulary, each term a
 * skos:Concept under its vocabulary's own IRI (a term of the catalogue's summaries under the
 * glossary's address), its labels and definitions with their language tags, the definitions'
 * citations as dct:source, and the confirmed mappings as skos:exactMatch, closeMatch, broadMatch,
 * narrowMatch and relatedMatch. Suggestions nobody confirmed are not exported.
 */
public final class SkosExport {
  private final Glossary glossary;

  public SkosExport(Glossary glossary) {
    this.glossary = glossary;
  }

  /** The concept IRI of a term: its vocabulary's, else {@code base}/glossary/{id}. */
  static String iri(Term t, String base) {
    return t.iri() != null ? t.iri() : base + "/glossary/" + t.id();
  }

  /** The model; {@code base} is the Exchange's address ({@code https://host}). */
  public Model model(String base) {
    Model m = ModelFactory.createDefaultModel();
    m.setNsPrefix("skos", SKOS.getURI());
    m.setNsPrefix("dct", DCTerms.getURI());
    for (Vocabulary v : glossary.vocabularies()) {
      Resource scheme = m.createResource(base + "/glossary?source=" + v.id());
      scheme.addProperty(RDF.type, SKOS.ConceptScheme);
      scheme.addProperty(SKOS.prefLabel, v.name(), "en");
      scheme.addProperty(DCTerms.identifier, v.id());
      if (v.url() != null) {
        scheme.addProperty(DCTerms.source, m.createResource(v.url()));
      }
      scheme.addProperty(DCTerms.rights, v.notice());
      if (v.licenceUrl() != null) {
        scheme.addProperty(DCTerms.license, m.createResource(v.licenceUrl()));
      }
    }
    for (Term t : glossary.terms()) {
      Resource c = m.createResource(iri(t, base));
      c.addProperty(RDF.type, SKOS.Concept);
      c.addProperty(SKOS.inScheme, m.createResource(base + "/glossary?source=" + t.vocabulary()));
      c.addProperty(DCTerms.identifier, t.id());
      t.label().forEach((lang, text) -> c.addProperty(SKOS.prefLabel, text, lang));
      for (Definition d : t.definitions()) {
        c.addProperty(SKOS.definition, d.text(), d.language());
        c.addProperty(DCTerms.source, d.source());
      }
    }
    for (Mapping mp : glossary.mappings()) {
      if (mp.state() != MappingState.CONFIRMED) {
        continue;
      }
      Term from = glossary.term(mp.from()).orElse(null);
      Term to = glossary.term(mp.to()).orElse(null);
      if (from == null || to == null) {
        continue;
      }
      m.createResource(iri(from, base))
          .addProperty(m.createProperty(mp.type().iri()), m.createResource(iri(to, base)));
    }
    return m;
  }

  public void turtle(String base, OutputStream out) {
    RDFDataMgr.write(out, model(base), Lang.TURTLE);
  }

  public void jsonLd(String base, OutputStream out) {
    RDFDataMgr.write(out, model(base), Lang.JSONLD);
  }
}
