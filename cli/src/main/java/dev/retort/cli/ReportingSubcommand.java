package dev.retort.cli;

import dev.retort.FileException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/**
 * A subcommand that can answer with a {@code retort/1} JSON document ({@code --format json}): the document alone on
 * stdout, progress and notes on stderr, and an error as a document too (see {@link Main}).
 */
abstract class ReportingSubcommand extends Subcommand {
    static final String TEXT = "text";
    static final String JSON = "json";

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "text (the default) or json: one JSON document on stdout, in the format the README's "
                    + "'Machine-readable output' describes (lint: also sarif, a SARIF 2.1.0 log).")
    String format = TEXT;

    /** Whether the document is asked for, and then progress goes to stderr; a format other than text or json is refused. */
    boolean json() {
        if (!format.equals(TEXT) && !format.equals(JSON))
            throw new OptionException("--format", format, "--format " + format + ": expected text or json");
        if (format.equals(JSON)) root.notesToStderr();
        return format.equals(JSON);
    }

    /** Whether {@code --format json} was given, without checking anything: for reporting an error. */
    boolean jsonAsked() {
        return JSON.equals(format);
    }

    /**
     * Writes a document to a report option's file ({@code --json-report FILE}), relative to the working directory, its
     * folders created.
     */
    void writeReport(String option, Path report, Consumer<Writer> document) {
        Path file = root.workDir.resolve(report);
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                document.accept(out);
            }
        } catch (IOException e) {
            throw new FileException(option + ": cannot write", file, e);
        }
    }
}
