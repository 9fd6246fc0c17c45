package dev.retort.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The results as a Markdown table: each figure, its ratio to its reference, its target and whether it is met. */
final class Report {
    /** A target: a ratio to the reference, an absolute time, a peak RSS; zero where none. */
    record Target(double maxRatio, double maxSeconds, double maxRssMb, double plusSeconds) {
        static final Target NONE = new Target(0, 0, 0, 0);

        static Target ratio(double max) {
            return new Target(max, 0, 0, 0);
        }

        static Target seconds(double max) {
            return new Target(0, max, 0, 0);
        }

        /** At most the reference plus some seconds. */
        static Target plus(double seconds) {
            return new Target(0, 0, 0, seconds);
        }

        Target rss(double maxMb) {
            return new Target(maxRatio, maxSeconds, maxMb, plusSeconds);
        }

        boolean none() {
            return equals(NONE);
        }
    }

    record Row(
            String figure,
            ProcessTimer.Sample sample,
            String referenceName,
            ProcessTimer.Sample reference,
            Target target) {
        double ratio() {
            return reference == null ? Double.NaN : sample.medianSeconds() / reference.medianSeconds();
        }

        String targetText() {
            List<String> parts = new ArrayList<>();
            if (target.maxRatio() > 0) parts.add("<= " + fmt(target.maxRatio()) + "x " + referenceName);
            if (target.plusSeconds() > 0) parts.add("< " + referenceName + " + " + fmt(target.plusSeconds()) + " s");
            if (target.maxSeconds() > 0) parts.add("<= " + fmt(target.maxSeconds()) + " s");
            if (target.maxRssMb() > 0) parts.add("RSS <= " + fmt(target.maxRssMb()) + " MB");
            return String.join(", ", parts);
        }

        boolean met() {
            double seconds = sample.medianSeconds();
            return (target.maxRatio() == 0 || ratio() <= target.maxRatio())
                    && (target.plusSeconds() == 0 || seconds < reference.medianSeconds() + target.plusSeconds())
                    && (target.maxSeconds() == 0 || seconds <= target.maxSeconds())
                    && (target.maxRssMb() == 0 || sample.medianRssMb() <= target.maxRssMb());
        }
    }

    private final List<Row> rows = new ArrayList<>();

    void add(Row row) {
        rows.add(row);
    }

    String markdown() {
        StringBuilder text = new StringBuilder(
                "| figure | median wall s | peak RSS MB | ratio | target | met? |\n|---|---:|---:|---|---|---|\n");
        for (Row row : rows) {
            String ratio = row.reference() == null ? "" : fmt(row.ratio()) + "x " + row.referenceName();
            String met = row.target().none() ? "" : row.met() ? "yes" : "**NO**";
            text.append("| ")
                    .append(row.figure())
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%.3f", row.sample().medianSeconds()))
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%.0f", row.sample().medianRssMb()))
                    .append(" | ")
                    .append(ratio)
                    .append(" | ")
                    .append(row.targetText())
                    .append(" | ")
                    .append(met)
                    .append(" |\n");
        }
        return text.toString();
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.2f", value)
                .replaceAll("(\\.\\d*?)0+$", "$1")
                .replaceAll("\\.$", "");
    }
}
