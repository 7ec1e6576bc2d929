package rlx.experiments.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Eval mean return across the seeds of one experiment: n, mean, sample standard deviation (n - 1 in the
 * denominator) and the 95% confidence interval of the mean from Student's t with n - 1 degrees of freedom. With a
 * single seed the standard deviation and the interval are NaN (written as {@code null}): one run says nothing about
 * the spread.
 */
public final class SeedAggregate {

    /** File name of the aggregate in an experiment directory. */
    public static final String FILE = "aggregate.json";
    /** Coverage of the confidence interval. */
    public static final double CONFIDENCE = 0.95;

    private final String experiment;
    private final String algorithm;
    private final String env;
    private final List<Long> seeds;
    private final double[] returns;
    private final double mean;
    private final double std;
    private final double halfWidth;

    private SeedAggregate(String experiment, String algorithm, String env, List<Long> seeds, double[] returns) {
        this.experiment = experiment;
        this.algorithm = algorithm;
        this.env = env;
        this.seeds = seeds;
        this.returns = returns;
        int n = returns.length;
        double sum = 0;
        for (double r : returns) {
            sum += r;
        }
        this.mean = sum / n;
        if (n < 2) {
            this.std = Double.NaN;
            this.halfWidth = Double.NaN;
        } else {
            double squares = 0;
            for (double r : returns) {
                squares += (r - mean) * (r - mean);
            }
            this.std = Math.sqrt(squares / (n - 1));
            double t = new TDistribution(null, n - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
            this.halfWidth = t * std / Math.sqrt(n);
        }
    }

    /**
     * Aggregates the final evals of several runs of one experiment.
     *
     * @throws IllegalArgumentException if there are none, they belong to different experiments, or one has no eval
     */
    public static SeedAggregate of(List<Summary> summaries) {
        if (summaries.isEmpty()) {
            throw new IllegalArgumentException("no runs to aggregate");
        }
        Summary first = summaries.get(0);
        double[] returns = new double[summaries.size()];
        for (int i = 0; i < returns.length; i++) {
            Summary s = summaries.get(i);
            if (!s.experiment().equals(first.experiment())) {
                throw new IllegalArgumentException("cannot aggregate runs of different experiments: "
                        + first.experiment() + " and " + s.experiment());
            }
            if (s.eval() == null) {
                throw new IllegalArgumentException("run of " + s.experiment() + " with seed " + s.seed()
                        + " has no eval to aggregate");
            }
            returns[i] = s.eval().meanReturn();
        }
        List<Long> seeds = summaries.stream().map(Summary::seed).toList();
        String algorithm = summaries.stream().allMatch(s -> s.algorithm().equals(first.algorithm()))
                ? first.algorithm() : "mixed";
        String env = summaries.stream().allMatch(s -> s.env().equals(first.env())) ? first.env() : "mixed";
        return new SeedAggregate(first.experiment(), algorithm, env, seeds, returns);
    }

    public String experiment() {
        return experiment;
    }

    /** The runs' algorithm, or "mixed". */
    public String algorithm() {
        return algorithm;
    }

    /** The runs' env, or "mixed". */
    public String env() {
        return env;
    }

    /** The seeds in the order given. */
    public List<Long> seeds() {
        return seeds;
    }

    /** The eval mean return of each run, in the order given. */
    public double[] returns() {
        return returns.clone();
    }

    public int n() {
        return returns.length;
    }

    /** Mean over seeds of the eval mean return. */
    public double mean() {
        return mean;
    }

    /** Sample standard deviation over seeds; NaN for one seed. */
    public double std() {
        return std;
    }

    /** Half the width of the 95% interval, {@code t * std / sqrt(n)}; NaN for one seed. */
    public double halfWidth() {
        return halfWidth;
    }

    public double ciLow() {
        return mean - halfWidth;
    }

    public double ciHigh() {
        return mean + halfWidth;
    }

    /** Writes {@code <experimentDir>/aggregate.json} and returns its path. */
    public Path write(Path experimentDir) {
        Path file = experimentDir.resolve(FILE);
        Json.write(file, toJson());
        return file;
    }

    /** The JSON tree {@link #write} writes. */
    public ObjectNode toJson() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("experiment", experiment);
        root.put("algorithm", algorithm);
        root.put("env", env);
        root.put("n", n());
        ArrayNode seedArray = root.putArray("seeds");
        seeds.forEach(seedArray::add);
        ArrayNode returnArray = root.putArray("eval_mean_returns");
        for (double r : returns) {
            returnArray.add(Json.finiteOrNull(r));
        }
        root.put("mean_return", Json.finiteOrNull(mean));
        root.put("std_return", Json.finiteOrNull(std));
        root.put("confidence", CONFIDENCE);
        root.put("ci_low", Json.finiteOrNull(ciLow()));
        root.put("ci_high", Json.finiteOrNull(ciHigh()));
        root.put("ci_half_width", Json.finiteOrNull(halfWidth));
        root.put("method", "Student t with n-1 degrees of freedom, sample std; null when n = 1");
        return root;
    }

    /**
     * One line, {@code aggregate experiment=<e> n=<n> mean_return=<m> std=<s> ci95_low=<l> ci95_high=<h>}, with
     * three decimals and {@code nan} where undefined.
     */
    public String line() {
        return String.format(Locale.ROOT, "aggregate experiment=%s n=%d mean_return=%s std=%s ci95_low=%s ci95_high=%s",
                experiment, n(), fixed(mean), fixed(std), fixed(ciLow()), fixed(ciHigh()));
    }

    static String fixed(double value) {
        return Double.isNaN(value) ? "nan" : String.format(Locale.ROOT, "%.3f", value);
    }

    @Override
    public String toString() {
        return line();
    }
}
