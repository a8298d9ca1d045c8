package org.aisx.catalog;

/** What the catalogue needs from its search index: keep it in step with the store. */
public interface CatalogIndex {

  /** Adds or replaces the record's document; visible to searches after {@link #publish}. */
  void upsert(Standard record);

  /** Makes all changes so far durable and searchable, noting the store's event mark. */
  void publish(long storeMark);
}
