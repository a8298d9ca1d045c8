package org.aisx.editions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The publication an identifier belongs to, whatever it names: an edition, a draft, an amendment or
 * a corrigendum of it (the overlap form's choice between the records a typed identifier names).
 */
class EditionKeyTest {
  @ParameterizedTest(name = "{0} belongs to {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ISO/IEC 42001:2023 | ISO/IEC | ISO/IEC 42001",
        "ISO/IEC 42001:2023/Amd 1:2024 | ISO/IEC | ISO/IEC 42001",
        "ISO/IEC DIS 42001 | ISO/IEC | ISO/IEC 42001",
        "ISO 18374:2025 | ISO | ISO 18374",
        "ISO/DIS 18374 | ISO | ISO 18374",
        "ISO/FDIS 18374 | ISO | ISO 18374",
        "ISO/TR 21718:2019 | ISO | ISO TR 21718",
        "ISO/CD TR 12786 | ISO | ISO TR 12786",
        "ISO/DTR 19560 | ISO | ISO TR 19560",
        "ISO/PAS 8800:2024 | ISO | ISO PAS 8800",
        "ISO/DPAS 8800 | ISO | ISO PAS 8800",
        "ISO/CD PAS 8800 | ISO | ISO PAS 8800",
        "IEC/TS 62443-1-1:2009 | IEC | IEC TS 62443-1-1",
        "ISO/IEC 22989:2022/Cor 1:2023 | ISO/IEC | ISO/IEC 22989",
        "ITU-T Y.3172 (06/2019) | ITU-T | ITU-T Y.3172",
        "IEEE 7001-2021 | IEEE | IEEE 7001",
        "IEEE P7001/D-4-2021-10 | IEEE | IEEE 7001",
        "JIS X 22989:2023 | JIS | JIS X 22989",
        "RFC 9110 | IETF | RFC 9110",
      })
  void anAmendmentOrADraftBelongsToThePublicationItChanges(
      String identifier, String sdo, String publication) {
    assertThat(EditionKey.publicationOf(identifier, sdo)).isEqualTo(publication);
  }

  @ParameterizedTest(name = "{0} is a part of {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ISO/IEC 6048-1:2025 | ISO/IEC | ISO/IEC 6048",
        "ISO/IEC DIS 6048-4 | ISO/IEC | ISO/IEC 6048",
        "ISO/IEC 6048-3 | ISO/IEC | ISO/IEC 6048",
        "IEC/TS 62443-1-1:2009 | IEC | IEC TS 62443",
        "ISO/DIS 23150-20 | ISO | ISO 23150",
        "ITU-T T.840.3 (01/2026) | ITU-T | ITU-T T.840",
        "ITU-T H.626.5 (V2) (03/2022) | ITU-T | ITU-T H.626",
        "IEEE 2660.1-2020 | IEEE | IEEE 2660",
        "ISO/IEC 42001:2023 | ISO/IEC | ISO/IEC 42001",
        "ISO/TR 21718:2019 | ISO | ISO TR 21718",
        "ITU-T Y.3172 (06/2019) | ITU-T | ITU-T Y.3172",
        "IEEE 7001-2021 | IEEE | IEEE 7001",
        "JIS X 22989:2023 | JIS | JIS X 22989",
        "RFC 9110 | IETF | RFC 9110",
      })
  void aPartBelongsToItsSeriesAndAWholeIsItsOwnSeries(
      String identifier, String sdo, String series) {
    assertThat(EditionKey.seriesOf(identifier, sdo)).isEqualTo(series);
  }
}
