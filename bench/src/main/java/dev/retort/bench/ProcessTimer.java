package dev.retort.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs commands as whole processes and times them: wall time measured here around the process, peak
 * resident set size reported by GNU time ({@code /usr/bin/time -f %M}).
 */
final class ProcessTimer {
    private static final String GNU_TIME = "/usr/bin/time";

    /** What one run did. */
    record Run(List<String> command, int exit, double seconds, long peakRssKb, String out, String err) {
        /** Fails unless the run exited with {@code expected}. */
        Run expectExit(int expected) {
            if (exit != expected) throw failure("exit " + exit + ", expected " + expected);
            return this;
        }

        BenchException failure(String what) {
            return new BenchException(
                    command,
                    String.join(" ", command) + ": " + what + "\n--- stdout:\n" + tail(out) + "\n--- stderr:\n"
                            + tail(err));
        }

        private static String tail(String text) {
            return text.length() <= 4000 ? text : "..." + text.substring(text.length() - 4000);
        }
    }

    /** The median wall time and peak RSS of some runs. */
    record Sample(List<Double> seconds, List<Long> peakRssKb) {
        double medianSeconds() {
            return median(
                    seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray());
        }

        double medianRssMb() {
            return median(
                    peakRssKb.stream().mapToDouble(kb -> kb / 1024.0).sorted().toArray());
        }

        private static double median(double[] sorted) {
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
    }

    /** Work done before each run, not timed (a fresh database, an emptied cache). */
    interface Preparation {
        void prepare() throws Exception;
    }

    /** Checks one run's result, throwing when it is not what the benchmark expects. */
    interface Verification {
        void verify(Run run) throws Exception;
    }

    private final Path scratch;

    ProcessTimer(Path scratch) throws IOException {
        if (!Files.isExecutable(Path.of(GNU_TIME)))
            throw new BenchException(GNU_TIME + " (GNU time) is needed for peak RSS");
        this.scratch = Files.createDirectories(scratch);
    }

    Run run(Path directory, Map<String, String> environment, List<String> command)
            throws IOException, InterruptedException {
        Path rss = scratch.resolve("rss.txt");
        Path out = scratch.resolve("stdout.txt");
        Path err = scratch.resolve("stderr.txt");
        List<String> timed = new ArrayList<>(List.of(GNU_TIME, "-f", "%M", "-o", rss.toString()));
        timed.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(timed)
                .directory(directory.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(new File("/dev/null"));
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        int exit = builder.start().waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        String rssText = Files.readString(rss, StandardCharsets.UTF_8).strip();
        // GNU time writes "Command exited with non-zero status N" before the figure
        long rssKb =
                Long.parseLong(rssText.substring(rssText.lastIndexOf('\n') + 1).strip());
        return new Run(
                command,
                exit,
                seconds,
                rssKb,
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** A command to time, with what to do before each run and what to check after. */
    record Job(
            Path directory,
            Map<String, String> environment,
            List<String> command,
            Preparation preparation,
            Verification verification) {}

    /** One warm-up run and then {@code runs} timed ones, each prepared first and verified after. */
    Sample repeat(
            int runs,
            Path directory,
            Map<String, String> environment,
            List<String> command,
            Preparation preparation,
            Verification verification)
            throws Exception {
        return interleave(runs, List.of(new Job(directory, environment, command, preparation, verification)))
                .get(0);
    }

    /**
     * One warm-up round and then {@code runs} timed rounds, each running every job once, in turn: a
     * figure and its reference are measured alternately, so both see the machine and the database as
     * they are at the time (the time a commit's flush takes, say, drifts over minutes).
     */
    List<Sample> interleave(int runs, List<Job> jobs) throws Exception {
        List<List<Double>> seconds = new ArrayList<>();
        List<List<Long>> rss = new ArrayList<>();
        for (int j = 0; j < jobs.size(); j++) {
            seconds.add(new ArrayList<>());
            rss.add(new ArrayList<>());
        }
        for (int i = 0; i <= runs; i++) {
            for (int j = 0; j < jobs.size(); j++) {
                Job job = jobs.get(j);
                job.preparation().prepare();
                Run run = run(job.directory(), job.environment(), job.command());
                job.verification().verify(run);
                if (i == 0) continue;
                seconds.get(j).add(run.seconds());
                rss.get(j).add(run.peakRssKb());
            }
        }
        List<Sample> samples = new ArrayList<>();
        for (int j = 0; j < jobs.size(); j++) samples.add(new Sample(seconds.get(j), rss.get(j)));
        return samples;
    }
}
