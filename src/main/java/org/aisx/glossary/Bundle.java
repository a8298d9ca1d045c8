package org.aisx.glossary;

import java.util.List;

/**
 * The glossary as the jar carries it ({@code /glossary/glossary.json}), written by the build tool
 * {@code GlossaryExtractor} from the vocabularies' own files: vocabularies, terms and the machine's
 * mapping suggestions, made by {@code suggester}.
 */
public record Bundle(
    String generated,
    String suggester,
    List<Vocabulary> vocabularies,
    List<Term> terms,
    List<Suggested> suggestions) {}
