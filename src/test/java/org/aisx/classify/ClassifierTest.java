package org.aisx.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.aisx.catalog.Json;
import org.aisx.catalog.Standard;
import org.aisx.taxonomy.Dimension;
import org.aisx.taxonomy.Taxonomy;
import org.aisx.taxonomy.TaxonomyChange;
import org.junit.jupiter.api.Test;

/** The word matching behind the evidence of suggestions, and the senses of concept terms. */
class ClassifierTest {
  private static final Taxonomy TAXONOMY = Taxonomy.bundled(Json.mapper());
  private static final Senses SENSES = Senses.bundled(TAXONOMY);

  @Test
  void conceptWordsMatchAsWholeWordsWithPluralsAndAcronymsOnlyInCapitals() {
    var p = Classifier.phrasePattern(List.of("Health", "medical device", "ITS", "hospital"));
    assertThat(p.matcher("AI for medical devices").find()).isTrue();
    assertThat(p.matcher("AI for medical-device makers").find()).isTrue();
    assertThat(p.matcher("Hospitals and clinics").find()).isTrue();
    assertThat(p.matcher("healthy eating").find()).isFalse();
    assertThat(p.matcher("Cooperative ITS services").find()).isTrue();
    assertThat(p.matcher("its own data").find()).isFalse();
  }

  @Test
  void aRecordIsCutIntoTitleSentencesAndKeywords() {
    var s =
        Standard.builder("X 1")
            .title(Map.of("en", "A title"))
            .summary(Map.of("en", "First sentence. Second one (with a note). 3 ends it."))
            .keywords(List.of("alpha", "beta"))
            .build();
    assertThat(Classifier.sentences(s))
        .containsExactly(
            "A title", "First sentence.", "Second one (with a note).", "3 ends it.", "alpha, beta");
  }

  @Test
  void diagnosingFaultsOfTestEquipmentIsNotMedicalDiagnosis() {
    Standard aiEstate =
        record(
            "IEEE Standard for Artificial Intelligence Exchange and Service Tie to All Test"
                + " Environments (AI-ESTATE)",
            "It defines diagnostic reasoner services for the diagnosis of a unit under test.");
    assertThat(evidence(Dimension.APPLICATION, "medical-diagnosis", aiEstate).kind())
        .isEqualTo(Classifier.Evidence.Kind.EXCLUDED);
    assertThat(evidence(Dimension.VERTICAL, "health", aiEstate).kind())
        .isEqualTo(Classifier.Evidence.Kind.EXCLUDED);
    // "Test Environments" is not the environment either
    assertThat(evidence(Dimension.VERTICAL, "environment-climate", aiEstate).terms()).isEmpty();
  }

  @Test
  void aLabelThatIsThePluralOfAWeakTermIsWeakToo() {
    // "Management systems" (the label) is the weak term "management system": network management
    // systems are not a management-system standard unless the record says so.
    Standard network =
        record(
            "Framework for high-level AI-based management communicating with external management"
                + " systems",
            "Network operators intend to improve network operations.");
    assertThat(evidence(Dimension.CONCERN, "management-systems", network).terms()).isEmpty();
    Standard aims =
        record(
            "Artificial intelligence - Management system",
            "It specifies requirements for an AI management system and its continual improvement.");
    assertThat(evidence(Dimension.CONCERN, "management-systems", aims).terms()).isNotEmpty();
    assertThat(Classifier.sameTerm("Management systems", "management system")).isTrue();
    assertThat(Classifier.sameTerm("Management", "management system")).isFalse();
  }

  @Test
  void aDiagnosticWordNamesMedicalDiagnosisOnlyInAClinicalContext() {
    Standard clinical =
        record(
            "Quality requirements for AI-based software",
            "The software gives diagnostic suggestions to clinicians treating patients.");
    Classifier.Evidence e = evidence(Dimension.APPLICATION, "medical-diagnosis", clinical);
    assertThat(e.kind()).isEqualTo(Classifier.Evidence.Kind.TEXT);
    assertThat(e.terms()).containsExactly("diagnostic");
    assertThat(e.sentence()).contains("clinicians");

    Standard network =
        record(
            "Requirements for AI-based network operation",
            "The system gives diagnostic information on link failures.");
    assertThat(evidence(Dimension.APPLICATION, "medical-diagnosis", network).terms()).isEmpty();
  }

  @Test
  void energySavingInANetworkIsNotTheEnergySector() {
    Standard ran =
        record("Energy saving management of 5G radio access networks with AI", "AI saves energy.");
    assertThat(evidence(Dimension.VERTICAL, "energy", ran).terms()).isEmpty();
    Standard grid =
        record("AI for smart grid operation", "Forecasting electricity demand in the power grid.");
    assertThat(evidence(Dimension.VERTICAL, "energy", grid).kind())
        .isEqualTo(Classifier.Evidence.Kind.TITLE);
  }

  @Test
  void aSensesEntryMustNameATaxonomyConceptAndItsOwnTerms() throws Exception {
    var unknown = Json.mapper().readTree("{\"senses\": {\"vertical/nowhere\": {}}}");
    assertThatThrownBy(() -> Senses.parse(unknown, TAXONOMY))
        .hasMessageContaining("vertical/nowhere");
    var foreign =
        Json.mapper()
            .readTree(
                "{\"senses\": {\"vertical/health\": {\"weak\": [\"banana\"],"
                    + " \"context\": [\"patient\"]}}}");
    assertThatThrownBy(() -> Senses.parse(foreign, TAXONOMY))
        .hasMessageContaining("banana")
        .hasMessageContaining("vertical/health");
  }

  @Test
  void aConceptTheCommitteeRenamedLosesTheWeakTermThatWasItsOldLabelAndNothingElse() {
    // vertical/health has the weak term "health", its bundled English label; renamed, "health" is
    // no longer one of its terms. The edited taxonomy must still load its senses (it is what the
    // classifier of every later version and every start-up reads), without that term.
    assertThat(SENSES.of(Dimension.VERTICAL, "health").weak()).containsExactly("health");
    Taxonomy renamed =
        TAXONOMY
            .apply(
                new TaxonomyChange.Rename(
                    Dimension.VERTICAL, "health", Map.of("en", "Health and medicine")))
            .next();
    Senses after = Senses.bundled(renamed);
    assertThat(after.of(Dimension.VERTICAL, "health").weak()).isEmpty();
    assertThat(after.of(Dimension.VERTICAL, "health").exclude())
        .isNotNull()
        .satisfies(p -> assertThat(p.matcher("an AI-ESTATE reasoner").find()).isTrue());
  }

  private static Standard record(String title, String summary) {
    return Standard.builder("X 1")
        .title(Map.of("en", title))
        .summary(Map.of("en", summary))
        .build();
  }

  private static Classifier.Evidence evidence(Dimension dim, String concept, Standard s) {
    var c = TAXONOMY.concept(dim, concept).orElseThrow();
    var profile = Classifier.Profile.of(dim, c, SENSES.of(dim, concept), new float[0]);
    return Classifier.evidence(profile, Classifier.sentences(s));
  }
}
