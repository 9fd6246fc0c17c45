package dev.retort.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The command-line arguments as typed, in UTF-8. In an ASCII locale ({@code LANG=C}, as in many
 * containers) the JVM decodes the arguments in ASCII and turns every other byte into U+FFFD, so
 * {@code -m "Prüfung"} would reach Retort as {@code Pr\uFFFD\uFFFDfung}; on Linux the bytes the
 * process was given are still in {@code /proc/self/cmdline}, and are read again as UTF-8.
 */
final class TypedArguments {
    private static final Path COMMAND_LINE = Path.of("/proc/self/cmdline");

    private TypedArguments() {}

    static String[] of(String[] args) {
        Charset platform = platformCharset();
        if (platform.equals(StandardCharsets.UTF_8) || Arrays.stream(args).noneMatch(a -> a.indexOf('\uFFFD') >= 0)) return args;
        try {
            List<byte[]> raw = split(Files.readAllBytes(COMMAND_LINE));
            if (raw.size() < args.length) return args;
            List<byte[]> mine = raw.subList(raw.size() - args.length, raw.size());
            String[] typed = new String[args.length];
            for (int i = 0; i < args.length; i++) {
                // the same bytes must give the JVM's own decoding, or these are not our arguments (an @argfile, say)
                if (!new String(mine.get(i), platform).equals(args[i])) return args;
                typed[i] = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(mine.get(i))).toString();
            }
            return typed;
        } catch (IOException | RuntimeException e) {
            return args;
        }
    }

    private static Charset platformCharset() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static List<byte[]> split(byte[] commandLine) {
        List<byte[]> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < commandLine.length; i++) {
            if (commandLine[i] == 0) {
                parts.add(Arrays.copyOfRange(commandLine, start, i));
                start = i + 1;
            }
        }
        if (start < commandLine.length) parts.add(Arrays.copyOfRange(commandLine, start, commandLine.length));
        return parts;
    }
}
