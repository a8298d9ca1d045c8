package org.aisx.landscape;

import java.util.Random;

/**
 * Spherical k-means over unit vectors (similarity = dot product = cosine): k-means++ seeding and
 * Lloyd iterations with a fixed seed, so that the same vectors always give the same clusters.
 */
final class KMeans {
  private KMeans() {}

  /**
   * The {@code k} centroids (unit vectors) fitted on at most {@code sample} of the points, drawn
   * with {@code seed}; at most {@code iterations} rounds, fewer when no assignment changes.
   */
  static float[][] fit(float[][] points, int k, long seed, int sample, int iterations) {
    Random random = new Random(seed);
    float[][] fitOn = points;
    if (points.length > sample) {
      int[] idx = new int[points.length];
      for (int i = 0; i < idx.length; i++) {
        idx[i] = i;
      }
      for (int i = 0; i < sample; i++) { // partial Fisher-Yates shuffle
        int j = i + random.nextInt(idx.length - i);
        int tmp = idx[i];
        idx[i] = idx[j];
        idx[j] = tmp;
      }
      fitOn = new float[sample][];
      for (int i = 0; i < sample; i++) {
        fitOn[i] = points[idx[i]];
      }
    }
    float[][] centroids = seeds(fitOn, k, random);
    int[] assigned = new int[fitOn.length];
    java.util.Arrays.fill(assigned, -1);
    for (int round = 0; round < iterations; round++) {
      Topics.stopIfInterrupted();
      boolean changed = false;
      for (int i = 0; i < fitOn.length; i++) {
        int best = nearest(fitOn[i], centroids);
        if (best != assigned[i]) {
          assigned[i] = best;
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
      centroids = means(fitOn, assigned, centroids, random);
    }
    return centroids;
  }

  /** The index of the centroid nearest each point. */
  static int[] assign(float[][] points, float[][] centroids) {
    int[] out = new int[points.length];
    for (int i = 0; i < points.length; i++) {
      if ((i & 4095) == 0) {
        Topics.stopIfInterrupted();
      }
      out[i] = nearest(points[i], centroids);
    }
    return out;
  }

  /** k-means++: each next seed drawn with probability proportional to its squared distance. */
  private static float[][] seeds(float[][] points, int k, Random random) {
    float[][] out = new float[k][];
    out[0] = points[random.nextInt(points.length)].clone();
    double[] distance = new double[points.length];
    java.util.Arrays.fill(distance, Double.MAX_VALUE);
    for (int c = 1; c < k; c++) {
      double sum = 0;
      for (int i = 0; i < points.length; i++) {
        double d = 1 - dot(points[i], out[c - 1]);
        distance[i] = Math.min(distance[i], Math.max(0, d) * Math.max(0, d));
        sum += distance[i];
      }
      double target = random.nextDouble() * sum;
      int chosen = points.length - 1;
      for (int i = 0; i < points.length; i++) {
        target -= distance[i];
        if (target <= 0) {
          chosen = i;
          break;
        }
      }
      out[c] = points[chosen].clone();
    }
    return out;
  }

  private static float[][] means(float[][] points, int[] assigned, float[][] old, Random random) {
    int k = old.length;
    int dim = points[0].length;
    float[][] sums = new float[k][dim];
    int[] sizes = new int[k];
    for (int i = 0; i < points.length; i++) {
      int c = assigned[i];
      sizes[c]++;
      for (int d = 0; d < dim; d++) {
        sums[c][d] += points[i][d];
      }
    }
    for (int c = 0; c < k; c++) {
      if (sizes[c] == 0) {
        sums[c] = points[random.nextInt(points.length)].clone(); // an emptied cluster restarts
      }
      normalise(sums[c]);
    }
    return sums;
  }

  static int nearest(float[] v, float[][] centroids) {
    int best = 0;
    double bestDot = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < centroids.length; c++) {
      double d = dot(v, centroids[c]);
      if (d > bestDot) {
        bestDot = d;
        best = c;
      }
    }
    return best;
  }

  static double dot(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  private static void normalise(float[] v) {
    double n = Math.sqrt(dot(v, v));
    if (n > 0) {
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) (v[i] / n);
      }
    }
  }
}
