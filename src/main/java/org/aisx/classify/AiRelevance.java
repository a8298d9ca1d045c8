package org.aisx.classify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aisx.catalog.Standard;

/**
 * Decides whether one record is an AI standard or publication: about AI systems, their components,
 * their data, their governance, or standards for AI. Deterministic and explainable: every positive
 * verdict names the rule that fired and the text it fired on. The rules were written by reading the
 * real feeds in {@code ../shared/data} (every hit and every near miss), and are measured on a
 * hand-labelled sample by {@code AiRelevanceTest}; {@code docs/ai-corpus.md} explains them. The
 * build tool that selects the bundled corpus uses it, and the index gives every record its {@link
 * #tier} as the facet {@code ai}.
 *
 * <p>The rules, tried in this order; the first that fires is the reason:
 *
 * <ol>
 *   <li><b>reviewed</b>: an editorial review decided the record ({@link TierReviews}; the AI census
 *       of the shared feeds, whose reviews are the records two judges called core that no rule
 *       below takes into the core).
 *   <li><b>committee</b>: the record comes from ISO/IEC JTC 1/SC 42 (Artificial intelligence) or
 *       from the Artificial Intelligence Standards Committee of the IEEE Computer Society.
 *   <li><b>committee</b>: CEN-CENELEC JTC 21 (Artificial intelligence), which writes the European
 *       standards for the EU AI Act.
 *   <li><b>series</b>: IEEE 7000 to 7099 and their P-drafts, the series on ethics of autonomous and
 *       intelligent systems (some of them, like 7002 on privacy, never say "AI" in their text);
 *       NIST's AI series (NIST AI 100-1, the AI Risk Management Framework, AI 100-2, AI 600-1,
 *       ...).
 *   <li><b>title phrase</b>: the title (English, else any language) names an AI technique or AI
 *       system: "artificial intelligence", "machine learning", "neural network", "deep learning",
 *       "foundation model", "computer vision", "speech recognition", "knowledge graph", "autonomous
 *       driving", "autonomous systems" (not the routing sense), ... ({@link #PHRASES}).
 *   <li><b>title abbreviation</b>: "AI" or "ML" as a word of their own, in capitals (also AIoT,
 *       AIGC, AITOM, AI/ML, and "ASR" for automatic speech recognition).
 *   <li><b>abstract + title cue</b>: a phrase or abbreviation of rule 3 or 4 occurs in the abstract
 *       (or in two or more of the source's keywords) and the title itself points the same way with
 *       a cue word such as "intelligent", "learning", "algorithm", "recognition", "prediction",
 *       "agent", "vision" ({@link #TITLE_CUE}). An abstract alone is not enough: many abstracts
 *       list AI among other technologies in passing ("IoT, big data and AI").
 * </ol>
 *
 * <p>Negatives, each one found in the real data:
 *
 * <ul>
 *   <li>"Autonomous System" in routing (BGP AS numbers, inter-AS traffic engineering) is not AI;
 *   <li>"ML-DSA", "ML-KEM" (post-quantum cryptography) and MPEG-2 "4:2:2 P@ML" are not machine
 *       learning; "ASR" in an abstract can be an Answer Seizure Ratio, so it counts in titles only,
 *       and not in a title that spells it out otherwise ("Alkali-Silica Reaction (ASR)");
 *   <li>"AI" and "ML" inside other words (MAIL, XML, CellML) never match, and lower-case "ai" or
 *       "Al" (aluminium) does not either;
 *   <li>"intelligent transport systems", "intelligent electronic devices", the telephone
 *       "Intelligent Network", "learning technology" (e-learning), "expert review", SQL "row
 *       pattern recognition" and "foundation model" of an information model are not AI by
 *       themselves (no phrase matches them alone);
 *   <li>a sentence of an abstract that puts AI out of scope ("does not cover ... artificial
 *       intelligence") is ignored;
 *   <li>title cues are whole words ("vision", not the "vision" of provisioning or television), and
 *       "speech" is no cue: audiometry measures a person's "speech recognition".
 * </ul>
 */
public final class AiRelevance {
  private AiRelevance() {}

  /**
   * How strictly a record is about AI (docs/ai-corpus.md, "Core and adjacent"): {@code core} when
   * AI is the document's own subject as far as the rules can tell, {@code adjacent} when only a
   * neighbouring field fired, {@code other} when no rule did. Indexed as the facet {@code ai}.
   */
  public enum Tier {
    CORE("core"),
    ADJACENT("adjacent"),
    OTHER("other");

    private final String wire;

    Tier(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }

    public static java.util.Optional<Tier> fromWire(String wire) {
      return java.util.Arrays.stream(values()).filter(t -> t.wire.equals(wire)).findFirst();
    }
  }

  /** The verdict on one record: {@code rule} is null when it is not an AI record. */
  public record Verdict(String rule, String evidence) {
    static final Verdict NOT_AI = new Verdict(null, null);

    public boolean relevant() {
      return rule != null;
    }
  }

  /** A named AI phrase; {@code unless} (when set) vetoes it in a text that also matches. */
  record Phrase(String name, Pattern pattern, Pattern unless) {
    static Phrase of(String name, String regex) {
      return new Phrase(name, Pattern.compile(regex, Pattern.CASE_INSENSITIVE), null);
    }

    static Phrase of(String name, String regex, Pattern unless) {
      return new Phrase(name, Pattern.compile(regex, Pattern.CASE_INSENSITIVE), unless);
    }

    /** Whether the phrase names AI or a learning technique itself (the {@code core} tier). */
    boolean core() {
      return CORE_PHRASES.contains(name);
    }
  }

  /** The phrases that name AI or a learning technique itself (docs/ai-corpus.md). */
  static final Set<String> CORE_PHRASES =
      Set.of(
          "artificial intelligence",
          "machine learning",
          "deep learning",
          "neural network",
          "other learning paradigms",
          "foundation or language model",
          "generative AI",
          "explainability",
          "language technology",
          "computer vision",
          // Added in the second version of the mapping (see docs/ai-corpus.md), after the first
          // judged sample showed the core recall at 0.83:
          "intelligent agents and systems",
          "knowledge-based systems",
          "recognition systems");

  /**
   * The version of the tier rules: bump it when a rule of {@link #tier} changes, so that the
   * classifier's stored suggestions (which read the tier, {@link Classifier#version}) are redone.
   * Changing the rules also means retraining the concept model ({@code ConceptModelWriter}) and
   * rewriting the bundled classification ({@code BundledClassificationWriter}).
   */
  static final String RULES = "mapping-5";

  /** The tier rules' version and the bundled reviews' fingerprint. */
  static String fingerprint() {
    return RULES + "-" + TierReviews.BUNDLED.fingerprint();
  }

  /** The rule of a verdict an editorial review decided ({@link TierReviews}). */
  static final String REVIEWED = "reviewed: AI census";

  static final String SC42 = "ISO/IEC JTC 1/SC 42";
  static final String IEEE_AI_COMMITTEE = "Artificial Intelligence Standards Committee";

  static final String JTC21 = "CEN-CENELEC/JTC 21";

  private static final Pattern NIST_AI_SERIES = Pattern.compile("^NIST AI \\d");

  /** An IEEE 70xx title about autonomous and intelligent systems (or naming AI, checked after). */
  private static final Pattern IEEE_70XX_AIS =
      Pattern.compile("autonomous|intelligent|algorithm|robot", Pattern.CASE_INSENSITIVE);

  private static final Pattern IEEE_70XX =
      Pattern.compile("^IEEE (?:(?:Approved|Unapproved) )?P?70\\d{2}(?![0-9])");

  /** Routing's Autonomous Systems: AS numbers, BGP, inter-AS traffic engineering. */
  static final Pattern ROUTING_AS =
      Pattern.compile(
          "(?i:autonomous[- ]systems?\\s*\\(AS\\)|autonomous[- ]system (?:numbers?|confederations?"
              + "|migration)|inter-autonomous|\\brouting\\b)|\\bASNs?\\b|\\bAS\\b|\\bBGP");

  /**
   * What makes "face recognition" the recognition technique itself rather than its data: its
   * algorithms, systems, technology, engines, vendor tests, evaluation, performance or accuracy,
   * named anywhere in the same text (third mapping: "Assessing algorithms ... for human face
   * recognition" as well as "face recognition algorithms"); also, since the fourth mapping, its
   * challenges, baselines and matchers ("the face recognition grand challenge", "ocular and iris
   * recognition baseline algorithm", "fingerprint matchers"). Since the fifth mapping no longer
   * "technology" ({@link #RECOGNITION_SUBJECT_WIDE}).
   */
  private static final String RECOGNITION_SUBJECT =
      "algorithm|system|engine|vendor|evaluation|performance|accurac|challeng|baseline|matcher";

  /**
   * The fourth mapping's {@link #RECOGNITION_SUBJECT}, with "technology": for the wider phrase
   * {@code recognition of people and writing} (adjacent) only. Since the fifth mapping "technology"
   * no longer makes recognition the subject: in ISO/IEC titles it is the heading "Information
   * technology" (ISO/IEC 30116, "Information technology - ... - Optical Character Recognition (OCR)
   * quality testing"), in NIST's "Tattoo Recognition Technology" the name of a programme (NIST IR
   * 8109, its guidelines for tattoo image collection).
   */
  private static final String RECOGNITION_SUBJECT_WIDE = RECOGNITION_SUBJECT + "|technolog";

  /**
   * Recognition of people and of writing by machine (since the fifth mapping: naming the modality,
   * faces, irises, fingerprints, images, tattoos, text, handprint, characters; not "biometric"
   * alone, {@link #RECOGNITION_OF_PEOPLE_AND_WRITING_WIDE}), which is a recognition technique only
   * where {@link #RECOGNITION_SUBJECT} says so (fourth mapping): faces, irises, fingerprints and
   * other biometric characteristics, tattoos, printed and handwritten characters and text. Without
   * it the title is about their data, their printing or their use ("character sets for optical
   * recognition", "magnetic ink character recognition - print specifications").
   */
  private static final String RECOGNITION_OF_PEOPLE_AND_WRITING =
      "(?:face|facial|iris|ocular|fingerprint|finger[- ]vein|palm[- ]?print|image[- ]based biometric"
          + "|tattoo"
          + "|text|handprint|handwriting|handwritten|(?:optical |handprinted |handwritten )?character)"
          + "[- ](?:recognition|identification|verification|matching|comparison)";

  /**
   * The fourth mapping's {@link #RECOGNITION_OF_PEOPLE_AND_WRITING}, with the generic "biometric"
   * modality, for the wider phrase {@code recognition of people and writing} (adjacent). Since the
   * fifth mapping biometric recognition, identification, verification or comparison that names no
   * modality is not a recognition technique by itself: the fourth sample's judge called every such
   * record adjacent where its text named no AI (ISO/IEC TS 22604 and its drafts, subjects in
   * motion; ISO/IEC 20059, morphing attacks; ISO/IEC TR 22116, TR 29195, 19989-2, 9868:2025,
   * 30107-4, 19795-7).
   */
  private static final String RECOGNITION_OF_PEOPLE_AND_WRITING_WIDE =
      "(?:face|facial|iris|ocular|fingerprint|finger[- ]vein|palm[- ]?print|biometric|tattoo"
          + "|text|handprint|handwriting|handwritten|(?:optical |handprinted |handwritten )?character)"
          + "[- ](?:recognition|identification|verification|matching|comparison)";

  /**
   * What only carries a recognition technique, or is about its card, device, printing or character
   * repertoire, not the technique (the fourth mapping's veto of {@code recognition systems}): whole
   * words, so that "format" is not found inside "information".
   */
  private static final String RECOGNITION_CARRIER =
      "(?<!test )(?<!testing )(?<!evaluation )\\bprotocols?\\b|\\bpayloads?\\b"
          + "|\\binterfaces?\\b|\\bformats?\\b|\\bcontrol of\\b|\\bon-card\\b"
          + "|hardware security module|\\bprint(?:ing)? (?:specifications?|quality)"
          + "|character sets?|\\binks?\\b|credit cards?";

  /**
   * Fifth mapping, vetoes of {@code recognition systems} only (the record stays adjacent by the
   * wider phrases): a grammar or the semantic interpretation that speech recognisers read, a format
   * by another name (W3C's Speech Recognition Grammar Specification and Semantic Interpretation for
   * Speech Recognition, judged adjacent in the third and the tier-recall samples); and the writing
   * of requests for proposals and memoranda of understanding for such systems (NIST SP 1155 and
   * 1156, automated fingerprint identification systems, judged adjacent in sample 4b).
   */
  private static final String RECOGNITION_NOT_THE_TECHNIQUE =
      "|\\bgrammars?\\b|semantic interpretation|requests? for proposals?"
          + "|memorand(?:um|a) of understanding";

  /** The adjacent phrase that holds what the fifth mapping took out of the core recognition. */
  static final String RECOGNITION_OF_PEOPLE_AND_WRITING_PHRASE =
      "recognition of people and writing";

  /**
   * {@code recognition} where {@code subject} is named anywhere in the same text, after it or
   * before it. The look-behind comes after the phrase it looks behind, so that it is tried only
   * where the phrase is: before it, it was tried at every position of every text, 180 times the
   * cost of any other phrase (BENCHMARKS.md, "Start to first answer").
   */
  private static String withSubject(String recognition, String subject) {
    return recognition
        + "(?=.*(?:"
        + subject
        + "))|"
        + recognition
        + "(?<=(?:"
        + subject
        + ").{0,300}"
        + recognition
        + ")";
  }

  /** AI techniques, systems and topics; the same list serves titles and abstracts. */
  static final List<Phrase> PHRASES =
      List.of(
          Phrase.of(
              "artificial intelligence",
              "artificial[- ](?:emotional[- ])?intelligen(?:ce|t)|embodied (?:artificial )?intelligence"
                  + "|machine intelligence"),
          Phrase.of("machine learning", "machine[- ]learning|support vector machines?"),
          Phrase.of("deep learning", "deep[- ]learning"),
          Phrase.of("neural network", "neural[- ]networks?|neuromorphic"),
          Phrase.of(
              "other learning paradigms",
              "federated (?:machine )?learning|reinforcement learning|\\blearning[- ]based\\b"),
          Phrase.of(
              "foundation or language model",
              "large language models?|\\bLLMs?\\b|foundation models?|large[- ]scale pre-?trained"
                  + " models?|\\blarge models?\\b"),
          Phrase.of("generative AI", "generative (?:artificial intelligence|AI)\\b"),
          Phrase.of(
              "intelligent agents and systems",
              "intelligent (?:software |physical )?agents?|(?<!transport )(?<!transportation )"
                  + "intelligent systems?\\b|cognitive computing|intelligent machines?"),
          Phrase.of(
              "autonomous systems",
              "autonomous (?:and semi-autonomous )?systems?|autonomous (?:mobile )?robot(?:s|ics)?"
                  + "|autonomous machine(?:s|ry)?\\b",
              ROUTING_AS),
          Phrase.of(
              "automated driving",
              "(?:autonomous|automated) driving|(?:autonomous|automated) vehicles?|self-driving"),
          Phrase.of("autonomous networks", "autonomous networks?\\b|autonomous network functions"),
          Phrase.of("computer vision", "computer vision|machine[- ]vision|computer audition"),
          // Recognition techniques as such (core), before the wider phrases below (adjacent): not
          // the protocols, payloads, interfaces and formats that only carry them, and face
          // recognition only where its algorithms, systems or their evaluation are the subject.
          Phrase.of(
              "recognition systems",
              "(?:speech|speaker|emotion|object|image|(?<!row )pattern) recognition"
                  + "|"
                  + withSubject(RECOGNITION_OF_PEOPLE_AND_WRITING, RECOGNITION_SUBJECT),
              Pattern.compile(
                  RECOGNITION_CARRIER + RECOGNITION_NOT_THE_TECHNIQUE, Pattern.CASE_INSENSITIVE)),
          // The fourth mapping's recognition of people and writing (core until the fifth), with
          // its generic "biometric" and its "technology", and its veto: what the fifth mapping no
          // longer takes for the technique stays relevant, as adjacent.
          Phrase.of(
              RECOGNITION_OF_PEOPLE_AND_WRITING_PHRASE,
              withSubject(RECOGNITION_OF_PEOPLE_AND_WRITING_WIDE, RECOGNITION_SUBJECT_WIDE),
              Pattern.compile(RECOGNITION_CARRIER, Pattern.CASE_INSENSITIVE)),
          Phrase.of(
              "recognition",
              "(?:speech|speaker|face|facial|image|object|emotion)[- ]recognition|(?<!row )pattern"
                  + " recognition|affective computing|media resource control protocol|\\bMRCP"),
          Phrase.of(
              "language technology",
              "natural language processing|machine translation|speech(?:-to-speech)? translation"
                  + "|question answering|chatbots?|conversational (?:robot|agent|AI)s?"
                  + "|dialogue (?:processing )?systems?|speech interaction"
                  + "|automatic (?:simultaneous )?interpretation|simultaneous interpretation"
                  + " systems?"),
          Phrase.of(
              "knowledge-based systems",
              "knowledge representation|expert systems?|fuzzy (?:logic|control|systems?|markup)"
                  + "|knowledge[- ]based (?:expert )?systems?"),
          Phrase.of("knowledge engineering", "knowledge graphs?|\\bdata mining\\b"),
          Phrase.of("digital humans", "digital humans?\\b"),
          Phrase.of("explainability", "explainab(?:le|ility)"),
          Phrase.of(
              "intelligence of systems",
              "intelligence levels?|levels? of intelligence|intelligent (?:video|visual)"
                  + " surveillance|intelligent customer service"
                  // "intelligent" as a product word (fourth mapping; core until then): neither
                  // names AI or learning by itself.
                  + "|edge intelligence|intelligent process automation"));

  /** "AI" or "ML" as words in capitals; ASR (automatic speech recognition) in titles only. */
  private static final Pattern ABBREVIATION = Pattern.compile("\\bAI(?:oT|GC|TOM)?\\b|\\bML\\b");

  private static final Pattern TITLE_ONLY_ABBREVIATION = Pattern.compile("\\bASR\\b");

  /**
   * "(ASR)" spelled out as something other than speech recognition: NIST's concrete "Alkali-Silica
   * Reaction (ASR)". Such a title's ASR is no AI abbreviation.
   */
  private static final Pattern ASR_DEFINED_OTHERWISE =
      Pattern.compile("(?<!recognition )\\(ASR\\)", Pattern.CASE_INSENSITIVE);

  /** Removed before matching: abbreviations that only look like "ML". */
  private static final Pattern NOT_ML =
      Pattern.compile("\\bML-(?:DSA|KEM)\\b|@ML\\b", Pattern.CASE_INSENSITIVE);

  /** Words in a title that make an abstract's mention of AI count (rule 5). */
  static final Pattern TITLE_CUE =
      Pattern.compile(
          "intelligen\\w*|\\blearning\\b|algorithm\\w*|predict\\w*|recogni[sz]\\w*|cognitive"
              + "|autonomous|decision\\w*|inference|analytic\\w*|knowledge|\\bagents?\\b|robot\\w*"
              + "|\\bvision\\b|assistant|dialogue|conversation\\w*|emotion\\w*|detection",
          Pattern.CASE_INSENSITIVE);

  /** A sentence that puts something out of scope. */
  private static final Pattern OUT_OF_SCOPE =
      Pattern.compile(
          "\\b(?:does|do|shall|is|are) not (?:cover|specify|address|apply|include|deal|intend)"
              + "|\\bnot (?:within|in) (?:the|its|this) scope|out(?:side)? (?:of )?(?:the |its )?scope"
              + "|\\bexclud",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern SENTENCE = Pattern.compile("(?<=[.;!?])\\s+|\\R");

  /**
   * A title about a container that carries data (a file format, a payload format, the carriage of a
   * stream): the container is the subject, even where what it carries is a neural network's output
   * (judging rule: formats and protocols that only carry AI techniques are adjacent).
   */
  private static final Pattern CARRIER =
      Pattern.compile("carriage of|file formats?\\b|payload formats?\\b", Pattern.CASE_INSENSITIVE);

  /**
   * Neighbouring fields the judging rule names as adjacent: ontologies, knowledge graphs, data
   * mining, big data, privacy and security. A title that names one of them, and no AI, is about
   * that field, whatever its committee or abstract adds.
   */
  private static final Pattern ADJACENT_SUBJECT =
      Pattern.compile(
          "ontolog\\w*|knowledge graphs?|\\bdata mining\\b|\\bbig data\\b|privacy|security",
          Pattern.CASE_INSENSITIVE);

  /**
   * An organisation's name in a title ("Publications of the Intelligent Systems Division"): a
   * division, laboratory or department is named, not the subject.
   */
  private static final Pattern ORGANISATION =
      Pattern.compile("(?:\\b[A-Z][\\w-]*\\s+){1,4}(?:Division|Laborator(?:y|ies)|Department)\\b");

  /** The core recognition of people and writing, as in {@code recognition systems}. */
  private static final Pattern PEOPLE_AND_WRITING =
      Pattern.compile(
          withSubject(RECOGNITION_OF_PEOPLE_AND_WRITING, RECOGNITION_SUBJECT),
          Pattern.CASE_INSENSITIVE);

  /** A device under test: a (smart, mobile, end user) device, a sensor, a display. */
  private static final Pattern DEVICE =
      Pattern.compile("\\b(?:devices?|sensors?|sensing|displays?)\\b", Pattern.CASE_INSENSITIVE);

  private static final Pattern ALGORITHM = Pattern.compile("algorithm", Pattern.CASE_INSENSITIVE);

  /** Where a list item starts or ends in a sentence. */
  private static final Pattern LIST_SEPARATOR =
      Pattern.compile(
          "[,;:]|\\bsuch as\\b|\\bincluding\\b|\\be\\.g\\.|\\band\\b|\\bor\\b|\\bas well as\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern PARENTHESIS = Pattern.compile("\\([^()]*\\)");

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'-]*");

  /** A list item of at most this many words (besides the AI term itself) is a short item. */
  private static final int SHORT_ITEM = 4;

  /**
   * The record's tier (docs/ai-corpus.md, "Third mapping", as changed by the fourth and fifth
   * mappings), decided in this order:
   *
   * <ol>
   *   <li>the reviewed tier, for a record an editorial review decided ({@link TierReviews}: the AI
   *       census's records both judges called core);
   *   <li>other when no relevance rule fired;
   *   <li>core for NIST's AI series (the identifier names AI);
   *   <li>adjacent when the title is about a carrier (file or payload format, carriage);
   *   <li>core when the title names AI or a core technique ({@link #CORE_PHRASES}, "AI"/"ML" as
   *       words), not as an organisation's name; but adjacent when it is core only by recognition
   *       of people and writing and the record names a device, sensor or display under test and no
   *       algorithm (fifth mapping, {@link #deviceUnderTest});
   *   <li>adjacent when the title names a neighbouring field ({@link #ADJACENT_SUBJECT});
   *   <li>for a committee record (SC 42, the IEEE AI committee, JTC 21): core when an in-scope
   *       sentence of the abstract names a core phrase, else adjacent (the committees also write
   *       big-data, privacy-computation and spatial-web documents);
   *   <li>for IEEE 70xx: core when the title is about autonomous or intelligent systems, algorithms
   *       or robots (not 7002 on privacy, 7005 on data governance), or the abstract names AI;
   *   <li>otherwise core when an in-scope sentence of the abstract names a core phrase other than
   *       in passing, as one short item of a list of technologies ("cloud computing, blockchain,
   *       internet of things, artificial intelligence"); else adjacent.
   * </ol>
   *
   * <p>Until the fifth mapping a step before the last made a record adjacent when the relevance
   * rule fired on its abstract and the title's only cue was "intelligent" or "intelligence" (ITU-T
   * Q.5001, "intelligent edge computing"); of the judged records it decided, four of five were
   * judged core (IEEE 2951 and its draft, ITU-T L.1341 and F.748.70, whose abstracts say that AI or
   * foundation models make them intelligent), so it was dropped.
   */
  public static Tier tier(Standard s) {
    java.util.Optional<TierReviews.Review> review = TierReviews.BUNDLED.of(s.id());
    if (review.isPresent()) {
      return review.get().tier();
    }
    Verdict v = judge(s);
    if (!v.relevant()) {
      return Tier.OTHER;
    }
    if (v.rule().equals("series: NIST AI")) {
      return Tier.CORE;
    }
    String title = NOT_ML.matcher(s.titleIn("en")).replaceAll(" ");
    if (CARRIER.matcher(title).find()) {
      return Tier.ADJACENT;
    }
    String summary = NOT_ML.matcher(s.abstractIn("en")).replaceAll(" ");
    String subject = ORGANISATION.matcher(title).replaceAll(" ");
    if (coreMention(subject)) {
      return deviceUnderTest(subject, summary) ? Tier.ADJACENT : Tier.CORE;
    }
    if (ADJACENT_SUBJECT.matcher(title).find()) {
      return Tier.ADJACENT;
    }
    if (v.rule().startsWith("committee: ")) {
      return coreMentionInScope(summary, false) ? Tier.CORE : Tier.ADJACENT;
    }
    // The IEEE 70xx series is core where it is about autonomous and intelligent systems, not
    // where it is a data-privacy or data-governance process (IEEE 7002, 7005).
    if (v.rule().startsWith("series: ") && IEEE_70XX_AIS.matcher(title).find()) {
      return Tier.CORE;
    }
    return coreMentionInScope(summary, true) ? Tier.CORE : Tier.ADJACENT;
  }

  /**
   * Whether the title is core only by recognition of people and writing, and the record's text
   * names the device, sensor or display that is tested and no algorithm: the device is the subject,
   * not the recognition technique (fifth mapping: IEEE 2891 and its draft P2891, "a fingerprint
   * test system for smart devices"; IEC 62908-22-10, fingerprint recognition performance of
   * under-display optical sensing; IEEE 2884, which names "algorithm testing", stays core).
   */
  private static boolean deviceUnderTest(String title, String summary) {
    if (!PEOPLE_AND_WRITING.matcher(title).find()
        || coreMention(PEOPLE_AND_WRITING.matcher(title).replaceAll(" "))) {
      return false;
    }
    String text = title + "\n" + summary;
    return DEVICE.matcher(text).find() && !ALGORITHM.matcher(text).find();
  }

  /** Whether {@code text} names a core phrase (honouring its veto) or "AI"/"ML" as a word. */
  private static boolean coreMention(String text) {
    return !coreMentions(text).isEmpty();
  }

  /** Where {@code text} names a core phrase (honouring its veto) or "AI"/"ML" as a word. */
  private static List<int[]> coreMentions(String text) {
    List<int[]> spans = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return spans;
    }
    for (Phrase p : PHRASES) {
      if (p.core() && (p.unless() == null || !p.unless().matcher(text).find())) {
        Matcher m = p.pattern().matcher(text);
        while (m.find()) {
          spans.add(new int[] {m.start(), m.end()});
        }
      }
    }
    Matcher a = ABBREVIATION.matcher(text);
    while (a.find()) {
      spans.add(new int[] {a.start(), a.end()});
    }
    return spans;
  }

  /**
   * Whether a sentence of {@code summary} that does not put things out of scope names a core
   * phrase; with {@code notInPassing}, only a mention that is not a short item of a list counts.
   */
  private static boolean coreMentionInScope(String summary, boolean notInPassing) {
    if (summary == null || summary.isBlank()) {
      return false;
    }
    for (String sentence : SENTENCE.split(summary)) {
      if (OUT_OF_SCOPE.matcher(sentence).find()) {
        continue;
      }
      for (int[] span : coreMentions(sentence)) {
        if (!notInPassing || !inPassing(sentence, span[0], span[1])) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether the mention at {@code [start, end)} of {@code sentence} is named in passing: its list
   * item (between separators: commas, "such as", "including", "and", "or", ...) has at most {@link
   * #SHORT_ITEM} other words, and the sentence has at least two other such short items.
   */
  static boolean inPassing(String sentence, int start, int end) {
    List<int[]> bounds = new ArrayList<>();
    int from = 0;
    Matcher sep = LIST_SEPARATOR.matcher(sentence);
    while (sep.find()) {
      bounds.add(new int[] {from, sep.start()});
      from = sep.end();
    }
    bounds.add(new int[] {from, sentence.length()});
    boolean mentionShort = false;
    int otherShort = 0;
    for (int[] b : bounds) {
      boolean holdsMention = b[0] <= start && end <= b[1];
      String item =
          holdsMention
              ? sentence.substring(b[0], start) + " " + sentence.substring(end, b[1])
              : sentence.substring(b[0], b[1]);
      int words = words(PARENTHESIS.matcher(item).replaceAll(" "));
      if (holdsMention) {
        mentionShort = words <= SHORT_ITEM;
      } else if (words >= 1 && words <= SHORT_ITEM) {
        otherShort++;
      }
    }
    return mentionShort && otherShort >= 2;
  }

  private static int words(String text) {
    int n = 0;
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** Judges one record. */
  public static Verdict judge(Standard s) {
    java.util.Optional<TierReviews.Review> review = TierReviews.BUNDLED.of(s.id());
    if (review.isPresent()) {
      return review.get().tier() == Tier.OTHER
          ? Verdict.NOT_AI
          : new Verdict(REVIEWED, review.get().basis());
    }
    String committee = s.committee() == null ? "" : s.committee();
    if (committee.startsWith(SC42)) {
      return new Verdict("committee: " + SC42, committee);
    }
    if (committee.startsWith(IEEE_AI_COMMITTEE)) {
      return new Verdict("committee: IEEE Artificial Intelligence Standards Committee", committee);
    }
    if (committee.startsWith(JTC21)) {
      return new Verdict("committee: " + JTC21, committee);
    }
    String identifier = s.identifier() == null ? "" : s.identifier();
    if (IEEE_70XX.matcher(identifier).find()) {
      return new Verdict(
          "series: IEEE 70xx (ethics of autonomous and intelligent systems)", identifier);
    }
    if (NIST_AI_SERIES.matcher(identifier).find()) {
      return new Verdict("series: NIST AI", identifier);
    }

    String title = NOT_ML.matcher(s.titleIn("en")).replaceAll(" ");
    for (Phrase p : PHRASES) {
      String hit = find(p, title);
      if (hit != null) {
        return new Verdict("title phrase: " + p.name(), hit);
      }
    }
    Matcher abbreviation = ABBREVIATION.matcher(title);
    if (abbreviation.find()) {
      return new Verdict("title abbreviation: AI/ML", abbreviation.group());
    }
    Matcher asr = TITLE_ONLY_ABBREVIATION.matcher(title);
    if (asr.find() && !ASR_DEFINED_OTHERWISE.matcher(title).find()) {
      return new Verdict("title abbreviation: AI/ML", asr.group());
    }

    Matcher cue = TITLE_CUE.matcher(title);
    if (cue.find()) {
      String mention = abstractMention(NOT_ML.matcher(s.abstractIn("en")).replaceAll(" "));
      if (mention == null) {
        mention = keywordMention(s.keywords());
      }
      if (mention != null) {
        return new Verdict(
            "abstract + title cue",
            mention + " (title cue '" + cue.group().toLowerCase(Locale.ROOT) + "')");
      }
    }
    return Verdict.NOT_AI;
  }

  /**
   * How many tiers an editorial review decided ({@link TierReviews}). The service calls it when it
   * starts, so that a missing or malformed reviews file stops the start, naming the line, instead
   * of failing later on the indexing thread.
   */
  public static int reviews() {
    return TierReviews.BUNDLED.size();
  }

  public static boolean isAi(Standard s) {
    return judge(s).relevant();
  }

  /** The first phrase of the list in {@code text}, honouring its veto; null if none. */
  private static String find(Phrase p, String text) {
    Matcher m = p.pattern().matcher(text);
    if (!m.find()) {
      return null;
    }
    if (p.unless() != null && p.unless().matcher(text).find()) {
      return null;
    }
    return m.group();
  }

  /** The first AI phrase or abbreviation in an in-scope sentence of the abstract; null if none. */
  static String abstractMention(String summary) {
    if (summary == null || summary.isBlank()) {
      return null;
    }
    // The routing veto looks at the whole abstract: "autonomous system" there is the BGP sense.
    boolean routing = ROUTING_AS.matcher(summary).find();
    for (String sentence : SENTENCE.split(summary)) {
      if (OUT_OF_SCOPE.matcher(sentence).find()) {
        continue;
      }
      for (Phrase p : PHRASES) {
        Matcher m = p.pattern().matcher(sentence);
        if (m.find() && !(routing && p.unless() != null)) {
          return "abstract: " + m.group();
        }
      }
      Matcher a = ABBREVIATION.matcher(sentence);
      if (a.find()) {
        return "abstract: " + a.group();
      }
    }
    return null;
  }

  /**
   * Two or more distinct AI terms among the source's keywords, or null. IEEE's index terms are
   * assigned loosely (IEEE 802.1AR is tagged "Object recognition", an 802.16 amendment "Machine
   * learning"), so one keyword alone never counts.
   */
  static String keywordMention(List<String> keywords) {
    Set<String> terms = new LinkedHashSet<>();
    for (String k : keywords) {
      String keyword = NOT_ML.matcher(k).replaceAll(" ");
      for (Phrase p : PHRASES) {
        Matcher m = p.pattern().matcher(keyword);
        if (m.find() && (p.unless() == null || !p.unless().matcher(keyword).find())) {
          // One term, as in the fourth mapping, where one phrase held both.
          terms.add(
              p.name().equals(RECOGNITION_OF_PEOPLE_AND_WRITING_PHRASE)
                  ? "recognition systems"
                  : p.name());
        }
      }
      Matcher a = ABBREVIATION.matcher(keyword);
      if (a.find()) {
        terms.add(a.group().startsWith("ML") ? "machine learning" : "artificial intelligence");
      }
    }
    if (terms.size() < 2) {
      return null;
    }
    return "keywords: " + String.join(", ", new ArrayList<>(terms));
  }
}
