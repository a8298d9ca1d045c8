package org.aisx.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.aisx.catalog.Standard;
import org.aisx.classify.AiRelevance.Tier;
import org.junit.jupiter.api.Test;

/**
 * The rules of the third, fourth and fifth mappings of the {@code ai} facet (docs/ai-corpus.md,
 * "Third mapping", "Fourth mapping", "Fifth mapping"), each on a record shaped like the
 * tuning-sample or feed record that called for it.
 */
class AiTierTest {
  private static final String IEEE_AI = "Artificial Intelligence Standards Committee of the IEEE";

  @Test
  void autonomousMachineryIsAdjacentNotCore() {
    Standard iso18497 =
        titled(
            "Agricultural machinery and tractors - Safety of partially automated, semi-autonomous"
                + " and autonomous machinery - Part 1: Machine design principles and vocabulary",
            null,
            null);
    assertThat(AiRelevance.isAi(iso18497)).isTrue();
    assertThat(AiRelevance.tier(iso18497)).isEqualTo(Tier.ADJACENT);
  }

  @Test
  void aCommitteeRecordIsCoreOnlyWhenItsTitleOrAbstractNamesAi() {
    assertThat(
            AiRelevance.tier(
                titled(
                    "IEEE Draft Standard for Spatial Web Protocol, Architecture and Governance",
                    "This specification is identical in content to a base document developed by"
                        + " the Spatial Web Foundation.",
                    IEEE_AI)))
        .isEqualTo(Tier.ADJACENT);
    assertThat(
            AiRelevance.tier(
                titled(
                    "IEEE Draft Standard for Requirements of Privacy-preserving Computation"
                        + " Integrated Platforms",
                    "This standard provides requirements of privacy computation integrated"
                        + " platforms, trained models included.",
                    IEEE_AI)))
        .isEqualTo(Tier.ADJACENT);
    assertThat(
            AiRelevance.tier(
                titled(
                    "IEEE Draft Standard for Transparent Agency Identification of Humans and"
                        + " Machines",
                    "The purpose of this standard is to describe audio and visual marks to assist"
                        + " with the identification of the agency behind media, such as a machine"
                        + " intelligence, a human being, or a combination of entities.",
                    IEEE_AI)))
        .isEqualTo(Tier.CORE);
    assertThat(
            AiRelevance.tier(
                titled(
                    "IEEE Draft Framework and Process for Deep Learning Evaluation",
                    null,
                    IEEE_AI)))
        .isEqualTo(Tier.CORE);
  }

  @Test
  void aTitleNamingANeighbouringFieldStaysAdjacentWhateverTheAbstractAdds() {
    assertThat(
            AiRelevance.tier(
                titled(
                    "IEEE Recommended Practice for the Application of Knowledge Graphs for Talent"
                        + " Services",
                    "Enterprises are implementing knowledge graph technology as part of Artificial"
                        + " Intelligence systems.",
                    null)))
        .isEqualTo(Tier.ADJACENT);
    assertThat(
            AiRelevance.tier(
                titled(
                    "IEEE Draft Standard Ontologies for Robotics and Automation",
                    "A core ontology intended as a reference for knowledge representation and"
                        + " reasoning in robots.",
                    null)))
        .isEqualTo(Tier.ADJACENT);
    // A title naming AI itself wins over the neighbouring field it also names.
    assertThat(
            AiRelevance.tier(
                titled("Security and privacy in artificial intelligence use cases", null, null)))
        .isEqualTo(Tier.CORE);
  }

  @Test
  void aFormatThatCarriesNeuralNetworkDataIsAdjacent() {
    assertThat(
            AiRelevance.tier(
                titled(
                    "Coding of audio-visual objects - Part 15: Carriage of NAL unit structured"
                        + " video in the ISO base media file format -- Amendment 1: Support for"
                        + " neural-network post-filter supplemental enhancement information",
                    null,
                    null)))
        .isEqualTo(Tier.ADJACENT);
    assertThat(AiRelevance.tier(titled("Web Neural Network API", null, null))).isEqualTo(Tier.CORE);
  }

  @Test
  void faceRecognitionAlgorithmsAreCoreInEitherWordOrderAndUnderATestingProtocol() {
    assertThat(
            AiRelevance.tier(
                titled(
                    "Assessing algorithms as computational models for human face recognition",
                    null,
                    null)))
        .isEqualTo(Tier.CORE);
    assertThat(
            AiRelevance.tier(
                titled(
                    "The FERET verification testing protocol for face recognition algorithms",
                    null,
                    null)))
        .isEqualTo(Tier.CORE);
    // A protocol that carries recognition is still adjacent.
    assertThat(
            AiRelevance.tier(
                titled(
                    "A protocol for exchanging face recognition engine results between systems",
                    null,
                    null)))
        .isEqualTo(Tier.ADJACENT);
  }

  @Test
  void aDivisionsNameInTheTitleIsNotItsSubject() {
    assertThat(
            AiRelevance.tier(
                titled(
                    "Publications of the Intelligent Systems Division (previously Robot Systems"
                        + " Division): covering the period January 1971 - April 1994",
                    null,
                    null)))
        .isEqualTo(Tier.ADJACENT);
    assertThat(AiRelevance.tier(titled("Behavior generation in intelligent systems", null, null)))
        .isEqualTo(Tier.CORE);
  }

  @Test
  void aiNamedInPassingInAListOfTechnologiesDoesNotMakeTheRecordCore() {
    assertThat(
            AiRelevance.tier(
                titled(
                    "Use cases on advanced learning analytics services using emerging"
                        + " technologies",
                    "This document provides use cases on learning analytics services, which"
                        + " leverages emerging technologies such as cloud computing, blockchain,"
                        + " virtual reality, internet of things, artificial intelligence in K12"
                        + " education, higher education, and vocational education.",
                    null)))
        .isEqualTo(Tier.ADJACENT);
    assertThat(
            AiRelevance.tier(
                titled(
                    "Recommended Practices on Industrial Agents: Integration of Software Agents and"
                        + " Low Level Automation Functions",
                    "The practices solve the interface problem when applying industrial agents,"
                        + " namely, integrating intelligent software agents with low-level"
                        + " automation devices in the context of cyber-physical systems.",
                    null)))
        .isEqualTo(Tier.CORE);
  }

  @Test
  void intelligentAsTheTitlesOnlyCueNoLongerMakesARecordAdjective() {
    // The third mapping's step 8 made these adjacent; the fifth mapping dropped it (four of the
    // five judged records it decided were judged core: IEEE 2951, its draft, ITU-T L.1341 and
    // F.748.70; the fifth, ITU-T Q.5001 of the second sample, judged adjacent, is now core).
    for (String[] record :
        new String[][] {
          {
            "IEEE Standard for Technical Requirements and Evaluation Methods for Intelligent Levels"
                + " of Smart Home Devices",
            "With the development of artificial intelligence technology, the performance of smart"
                + " home devices has been significantly improved."
          },
          {
            "Technical requirements of intelligent development tools for multimedia applications",
            "The term 'intelligent development tool' refers to software platforms or frameworks"
                + " that leverage foundation models to automate and optimize the multimedia"
                + " applications' development process."
          },
          {
            "Signalling requirements and architecture of intelligent edge computing",
            "Applying the intelligent data processing functions by providing AI technologies will"
                + " provide enhanced networking capabilities."
          },
        }) {
      assertThat(AiRelevance.tier(titled(record[0], record[1], null)))
          .as(record[0])
          .isEqualTo(Tier.CORE);
    }
    // An abstract that names AI only in passing still leaves it adjacent.
    assertThat(
            AiRelevance.tier(
                titled(
                    "Requirements of intelligent edge computing",
                    "It uses cloud computing, blockchain, big data, AI and IoT.",
                    null)))
        .isEqualTo(Tier.ADJACENT);
  }

  @Test
  void speechInteractionIsLanguageTechnology() {
    assertThat(
            AiRelevance.tier(
                titled(
                    "Requirements for speech interaction of intelligent customer services",
                    null,
                    null)))
        .isEqualTo(Tier.CORE);
  }

  // ------------------------------------------------------------ fourth mapping (docs/ai-corpus.md)

  @Test
  void recognitionOfPeopleAndWritingIsCoreWhereItsAlgorithmsOrEvaluationAreTheSubject() {
    for (String title :
        new String[] {
          // NIST's fingerprint matcher evaluations, IREX, Tatt-E, TRAIT, FERET (hyphenated)
          "Studies of one-to-one fingerprint matching with vendor SDK matchers",
          "IREX IX part one, performance of iris recognition algorithms",
          "Ocular and iris recognition baseline algorithm",
          "Tattoo Recognition Technology - Evaluation (Tatt-E) performance of tattoo"
              + " identification algorithms",
          "The text recognition algorithm independent evaluation (TRAIT)",
          "The FERET evaluation methodology for face-recognition algorithms",
        }) {
      assertThat(AiRelevance.tier(titled(title, null, null))).as(title).isEqualTo(Tier.CORE);
    }
    // Named without what makes it the technique (algorithms, systems, evaluation, ...): its data.
    assertThat(
            AiRelevance.tier(
                titled(
                    "Biometric data interchange - Part 2: Finger minutiae data for fingerprint"
                        + " recognition",
                    null,
                    null)))
        .isNotEqualTo(Tier.CORE);
  }

  @Test
  void characterSetsPrintingInksAndCardsForRecognitionAreNotCore() {
    for (String title :
        new String[] {
          "Character sets for optical recognition",
          "Federal Information Processing Standards Publication: for information systems -"
              + " optical character recognition (OCR) - matrix character sets for OCR-MA",
          "Federal Information Processing Standards Publication: for information systems -"
              + " optical character recognition (OCR) - guidelines for OCR print quality",
          "Printing specifications for optical character recognition of POS systems-credit"
              + " cards",
          "Information technology - Biometric performance testing and reporting - Part 7:"
              + " Testing of on-card biometric comparison algorithms",
        }) {
      assertThat(AiRelevance.tier(titled(title, null, null))).as(title).isNotEqualTo(Tier.CORE);
    }
  }

  @Test
  void formatIsVetoedAsAWordNotInsideInformation() {
    // The third mapping's veto matched "format" inside "information" (NIST IR 5149, IEEE P2884).
    assertThat(
            AiRelevance.tier(
                titled(
                    "Statistical analysis of information content for training pattern recognition"
                        + " networks",
                    null,
                    null)))
        .isEqualTo(Tier.CORE);
    assertThat(
            AiRelevance.tier(
                titled(
                    "IEEE Standard for Performance Evaluation of Biometric Information: Facial"
                        + " Recognition",
                    null,
                    null)))
        .isEqualTo(Tier.CORE);
    // A format that carries recognition data stays adjacent.
    assertThat(
            AiRelevance.tier(
                titled(
                    "Face recognition algorithm results: a data format for exchange", null, null)))
        .isEqualTo(Tier.ADJACENT);
  }

  @Test
  void interpretationKnowledgeBasedSystemsAndSupportVectorMachinesAreCore() {
    for (String title :
        new String[] {
          "Information technology - User interfaces for automatic simultaneous interpretation"
              + " systems - Part 3: System architecture",
          "Programming languages for knowledge-based systems",
          "Support vector machines applied to face recognition",
        }) {
      assertThat(AiRelevance.tier(titled(title, null, null))).as(title).isEqualTo(Tier.CORE);
    }
  }

  @Test
  void edgeIntelligenceAndIntelligentProcessAutomationAreAdjacent() {
    assertThat(AiRelevance.tier(titled("Edge intelligence", null, null))).isEqualTo(Tier.ADJACENT);
    assertThat(
            AiRelevance.tier(
                titled(
                    "IEEE Guide for Terms and Concepts in Intelligent Process Automation",
                    null,
                    null)))
        .isEqualTo(Tier.ADJACENT);
    // Still core where AI is named.
    assertThat(
            AiRelevance.tier(
                titled(
                    "Edge intelligence", "Edge intelligence runs machine learning models.", null)))
        .isEqualTo(Tier.CORE);
  }

  // ------------------------------------------------------------- fifth mapping (docs/ai-corpus.md)

  @Test
  void biometricRecognitionThatNamesNoModalityIsAdjacent() {
    // Sample 4b: judged adjacent (no AI named), core under the fourth mapping.
    for (String[] record :
        new String[][] {
          {
            "Information technology - Biometric recognition of subjects in motion in access-related"
                + " systems",
            "This document establishes requirements for the development of biometric"
                + " solutions for verification and identification processes for secure access."
          },
          {
            "Traveller processes for biometric recognition in automated border control systems",
            null
          },
          {
            "Methodologies to evaluate the resistance of biometric recognition systems to morphing"
                + " attacks",
            null
          },
          {
            "Information technology - A study of the differential impact of demographic factors in"
                + " biometric recognition system performance",
            null
          },
          {
            "Information security - Criteria and methodology for security evaluation of biometric"
                + " systems - Part 2: Biometric recognition performance",
            null
          },
          {
            "Information technology - Design, development, use and maintenance of biometric"
                + " identification systems involving passive capture subjects",
            "This document provides recommendations and requirements for the design, development,"
                + " use and maintenance of biometric identification systems involving passive capture"
                + " subjects, including pre- and post-deployment evaluation."
          },
          {
            "Information technology - Biometric presentation attack detection - Part 4: Profile for"
                + " testing of mobile devices",
            "This profile is applicable to mobile devices that operate as closed systems with no"
                + " access to internal results, including mobile devices with local biometric"
                + " recognition as well as biometric modules for mobile devices."
          },
          {
            "Information technology - Biometric performance testing and reporting - Part 7: Testing"
                + " of on-card biometric comparison algorithms",
            "ISO/IEC 19795-7:2011 establishes a mechanism for measuring the core algorithmic"
                + " capabilities of biometric comparison algorithms running on ISO/IEC 7816"
                + " integrated circuit cards."
          },
        }) {
      Standard s = titled(record[0], record[1], null);
      assertThat(AiRelevance.isAi(s)).as(record[0]).isTrue();
      assertThat(AiRelevance.tier(s)).as(record[0]).isEqualTo(Tier.ADJACENT);
    }
    // Core where the abstract names AI (ISO/IEC DIS 9868, the same title; judged core) ...
    assertThat(
            AiRelevance.tier(
                titled(
                    "Information technology - Design, development, use and maintenance of"
                        + " biometric identification systems involving passive capture subjects",
                    "The latter will be developed as a sector-specific extension of ISO/IEC 42001"
                        + " AI - Management System.",
                    null)))
        .isEqualTo(Tier.CORE);
    // ... or where the title names the modality (NIST IR 6336, judged core).
    assertThat(
            AiRelevance.tier(
                titled(
                    "Simple test procedure for image-based biometric verification systems",
                    null,
                    null)))
        .isEqualTo(Tier.CORE);
  }

  @Test
  void technologyNoLongerMakesRecognitionTheSubject() {
    // ISO/IEC 30116 ("Information technology" is the heading) and NIST IR 8109 (the programme's
    // name), both judged adjacent in sample 4b.
    for (String title :
        new String[] {
          "Information technology - Automatic identification and data capture techniques - Optical"
              + " Character Recognition (OCR) quality testing",
          "Tattoo Recognition Technology - Best Practices (Tatt-BP) Guidelines for Tattoo Image"
              + " Collection",
        }) {
      Standard s = titled(title, null, null);
      assertThat(AiRelevance.isAi(s)).as(title).isTrue();
      assertThat(AiRelevance.tier(s)).as(title).isEqualTo(Tier.ADJACENT);
    }
    // The programme's challenge and evaluation stay core (NIST IR 8078, 7577; judged core).
    for (String title :
        new String[] {
          "Tattoo Recognition Technology -- Challenge (Tatt-C) Outcomes and Recommendations",
          "ELFT phase II : an evaluation of automated latent fingerprint identification"
              + " technologies",
        }) {
      assertThat(AiRelevance.tier(titled(title, null, null))).as(title).isEqualTo(Tier.CORE);
    }
  }

  @Test
  void grammarsAndRequestsForProposalsAreNotTheRecognitionTechnique() {
    // W3C SRGS and SISR (third and tier-recall samples), NIST SP 1155 and 1156 (sample 4b): all
    // judged adjacent.
    for (String title :
        new String[] {
          "Speech Recognition Grammar Specification Version 1.0",
          "Semantic Interpretation for Speech Recognition (SISR) Version 1.0",
          "Writing Guidelines for Requests for Proposals for Automated Fingerprint Identification"
              + " Systems",
          "Writing Guidelines to Develop a Memorandum of Understanding for Interoperable Automated"
              + " Fingerprint Identification Systems",
        }) {
      Standard s = titled(title, null, null);
      assertThat(AiRelevance.isAi(s)).as(title).isTrue();
      assertThat(AiRelevance.tier(s)).as(title).isEqualTo(Tier.ADJACENT);
    }
    // A fingerprint identification system itself stays core (NBS SP 500-89, judged core).
    assertThat(
            AiRelevance.tier(titled("An automated fingerprint identification system", null, null)))
        .isEqualTo(Tier.CORE);
  }

  @Test
  void aDeviceUnderTestWithNoAlgorithmNamedIsAdjacent() {
    // IEEE 2891-2023 and IEC 62908-22-10:2024, judged adjacent in sample 4b.
    assertThat(
            AiRelevance.tier(
                titled(
                    "IEEE Standard for Performance Evaluation of Biometric Information: Fingerprint"
                        + " Recognition",
                    "The components of a fingerprint test system for smart devices, such as a"
                        + " mobile phone are specified in this standard.",
                    null)))
        .isEqualTo(Tier.ADJACENT);
    assertThat(
            AiRelevance.tier(
                titled(
                    "Touch and interactive displays - Part 22-10: Measuring methods of fingerprint"
                        + " recognition performance - Under-display optical imaging fingerprint"
                        + " sensing",
                    "IEC 62908-22-10:2024 specifies the standard measuring conditions and"
                        + " measurement methods for determining the performance of fingerprint"
                        + " recognition systems with under-display optical imaging fingerprint"
                        + " sensing.",
                    null)))
        .isEqualTo(Tier.ADJACENT);
    // IEEE 2884-2023 names its algorithm testing: core (its draft P2884 judged core).
    assertThat(
            AiRelevance.tier(
                titled(
                    "IEEE Standard for Performance Evaluation of Biometric Information: Facial"
                        + " Recognition",
                    "Requirements and testing methods for a facial recognition testing system for"
                        + " end user devices are discussed in this standard. System and security"
                        + " requirements, algorithm testing, testing methods, and criteria-level"
                        + " definitions are defined.",
                    null)))
        .isEqualTo(Tier.CORE);
  }

  private static Standard titled(String title, String summary, String committee) {
    Standard.Builder b = Standard.builder("X.1").title(Map.of("en", title));
    if (summary != null) {
      b.summary(Map.of("en", summary));
    }
    if (committee != null) {
      b.committee(committee);
    }
    return b.build();
  }
}
