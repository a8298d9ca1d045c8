package org.aisx.classify;

import de.bwaldvogel.liblinear.Linear;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aisx.App;
import org.aisx.Fixtures;

/** Scratch: out-of-fold probabilities of every concept on every training row, as TSV. */
public final class ConceptModelProbe {
  private ConceptModelProbe() {}

  public static void main(String[] args) throws Exception {
    Linear.disableDebugOutput();
    Path scratch = Files.createTempDirectory("aisx-probe");
    try (App app = Fixtures.starter(scratch);
        PrintWriter out =
            new PrintWriter(Files.newBufferedWriter(Path.of(args[0]), StandardCharsets.UTF_8))) {
      Classifier zeroShot = new Classifier(app.taxonomy(), app.embedder()).with(ConceptModel.NONE);
      List<ConceptModelWriter.Row> rows =
          ConceptModelWriter.rows(zeroShot, ConceptModelWriter.training(app));
      out.println("row\tid\tgroup\ttier\tfold\tdim\tconcept\tp\tcos\tgold\tmaybe");
      for (int fold = 0; fold < ConceptModelWriter.FOLDS; fold++) {
        List<ConceptModelWriter.Row> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
          if (Math.floorMod(rows.get(i).group().hashCode(), ConceptModelWriter.FOLDS) == fold) {
            test.add(i);
          } else {
            train.add(rows.get(i));
          }
        }
        ConceptModel m =
            ConceptModelWriter.train(zeroShot.profiles(), train, ConceptModel.Thresholds.NONE);
        for (int i : test) {
          ConceptModelWriter.Row r = rows.get(i);
          ConceptModel.Words words = m.words(r.c().record());
          for (int ci = 0; ci < zeroShot.profiles().size(); ci++) {
            Classifier.Profile p = zeroShot.profiles().get(ci);
            Classifier.Feature f = r.features().get(ci);
            double prob =
                m.knows(p.dimension(), p.concept().id())
                    ? m.probability(
                        p.dimension(),
                        p.concept().id(),
                        ConceptModel.pair(f, r.context()),
                        r.c().vector(),
                        words)
                    : -1;
            boolean gold = r.c().labelled().gold().get(p.dimension()).contains(p.concept().id());
            boolean maybe =
                r.c()
                    .labelled()
                    .maybe()
                    .getOrDefault(p.dimension(), java.util.Set.of())
                    .contains(p.concept().id());
            out.printf(
                Locale.ROOT,
                "%d\t%s\t%s\t%s\t%d\t%s\t%s\t%.5f\t%.4f\t%d\t%d%n",
                i,
                r.c().record().id(),
                r.group(),
                r.context().tier(),
                fold,
                p.dimension().id(),
                p.concept().id(),
                prob,
                f.cosine(),
                gold ? 1 : 0,
                maybe ? 1 : 0);
          }
        }
      }
    }
  }
}
