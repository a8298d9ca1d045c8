package org.aisx.glossary;

/**
 * One definition of a term as its source gives it: the text in its own language, the citation
 * (document and clause, "ISO/IEC 22989:2022, 3.1.4"), the cited document alone ("ISO/IEC
 * 22989:2022", to find its record in the catalogue) and where to read it.
 */
public record Definition(
    String text, String language, String source, String document, String url) {}
