package org.aisx.catalog;

/** A documented use of a publication, with a link to where it is described. */
public record UseCase(String description, String url) {}
