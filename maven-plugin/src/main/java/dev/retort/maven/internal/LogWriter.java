package dev.retort.maven.internal;

import java.io.Writer;
import java.util.function.Consumer;

/** A writer that hands each complete line to a Maven log method, as the command writes it. */
public final class LogWriter extends Writer {
    private final Consumer<String> log;
    private final StringBuilder line = new StringBuilder();
    private final StringBuilder all = new StringBuilder();

    public LogWriter(Consumer<String> log) {
        this.log = log;
    }

    @Override
    public synchronized void write(char[] chars, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            char c = chars[i];
            all.append(c);
            if (c == '\n') {
                log.accept(line.toString());
                line.setLength(0);
            } else if (c != '\r') {
                line.append(c);
            }
        }
    }

    @Override
    public void flush() {}

    /** Logs the last line when it did not end with a line feed. */
    @Override
    public synchronized void close() {
        if (line.length() > 0) log.accept(line.toString());
        line.setLength(0);
    }

    /** Everything written, line feeds included. */
    public synchronized String text() {
        return all.toString();
    }
}
