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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line and environment as the process was given them, read as UTF-8. In an ASCII
 * locale ({@code LANG=C}, as in many containers) the JVM decodes both in ASCII and turns every
 * other byte into U+FFFD, so {@code -m "Prüfung"} would reach Retort as {@code Pr\uFFFD\uFFFDfung}
 * and a non-ASCII password would be wrong; on Linux the bytes are still in {@code /proc/self}, and
 * a text is read again from them when they give exactly what the JVM decoded.
 */
final class NativeText {
    private static final char REPLACEMENT = '\uFFFD';

    private NativeText() {}

    static String[] arguments(String[] args) {
        Charset platform = platformCharset();
        if (platform.equals(StandardCharsets.UTF_8) || Arrays.stream(args).noneMatch(a -> a.indexOf(REPLACEMENT) >= 0))
            return args;
        List<byte[]> raw = entries(Path.of("/proc/self/cmdline"));
        if (raw.size() < args.length) return args;
        List<byte[]> mine = raw.subList(raw.size() - args.length, raw.size());
        String[] typed = args.clone();
        for (int i = 0; i < args.length; i++) {
            // other bytes than the JVM decoded: these are not our arguments (an @argfile, say)
            if (!new String(mine.get(i), platform).equals(args[i])) return args;
            typed[i] = utf8(mine.get(i), args[i]);
        }
        return typed;
    }

    static Map<String, String> environment(Map<String, String> environment) {
        Charset platform = platformCharset();
        if (platform.equals(StandardCharsets.UTF_8)
                || environment.values().stream().noneMatch(v -> v.indexOf(REPLACEMENT) >= 0)) {
            return environment;
        }
        Map<String, String> typed = new HashMap<>(environment);
        for (byte[] entry : entries(Path.of("/proc/self/environ"))) {
            int equals = indexOf(entry, (byte) '=');
            if (equals <= 0) continue;
            String name = new String(entry, 0, equals, platform);
            byte[] value = Arrays.copyOfRange(entry, equals + 1, entry.length);
            String decoded = environment.get(name);
            if (decoded != null && decoded.indexOf(REPLACEMENT) >= 0 && new String(value, platform).equals(decoded)) {
                typed.put(name, utf8(value, decoded));
            }
        }
        return Map.copyOf(typed);
    }

    /** The bytes as UTF-8, or {@code fallback} when they are not UTF-8. */
    private static String utf8(byte[] bytes, String fallback) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return fallback;
        }
    }

    private static Charset platformCharset() {
        try {
            return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /** The NUL-separated entries of a file, none when it cannot be read (not Linux). */
    private static List<byte[]> entries(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | SecurityException e) {
            return List.of();
        }
        List<byte[]> entries = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == 0) {
                if (i > start || i < bytes.length) entries.add(Arrays.copyOfRange(bytes, start, i));
                start = i + 1;
            }
        }
        return entries;
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) if (bytes[i] == wanted) return i;
        return -1;
    }
}
