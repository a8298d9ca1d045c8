package org.aisx.glossary;

/**
 * Where a set of terms comes from (W3C DPV's AI vocabulary, VAIR, ...), with the attribution that
 * must be shown wherever its definitions are ({@code notice}), its licence's name and address, and
 * the licence's full text where the licence asks for it to be shown ({@code licenceText}, else
 * null).
 */
public record Vocabulary(
    String id,
    String name,
    String url,
    String notice,
    String licence,
    String licenceUrl,
    String licenceText) {}
