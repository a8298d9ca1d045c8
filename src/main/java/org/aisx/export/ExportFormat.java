package org.aisx.export;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The formats {@code export} writes (SPEC §3). */
public enum ExportFormat {
  /** The columns of the CSV template ({@code CsvReader}), so that an export imports again. */
  CSV("csv"),
  /** The records as the JSON of SPEC §1, in the import format's envelope. */
  JSON("json"),
  /** A DCAT catalogue (dcat:Catalog of dcat:Dataset, Dublin Core terms) in JSON-LD. */
  JSONLD("jsonld");

  private final String wire;

  ExportFormat(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static Optional<ExportFormat> fromWire(String value) {
    return Arrays.stream(values()).filter(f -> f.wire.equals(value)).findFirst();
  }

  /** The wire names, for messages: "csv, json, jsonld". */
  public static String names() {
    return Arrays.stream(values()).map(ExportFormat::wire).collect(Collectors.joining(", "));
  }
}
