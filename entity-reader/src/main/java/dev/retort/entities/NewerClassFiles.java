package dev.retort.entities;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tells a class compiled for a newer Java from other load failures, and names it with its class file version. */
final class NewerClassFiles {
    /** The JDK's message: {@code com/x/Y has been compiled by a more recent version ... (class file version 65.0) ...}. */
    private static final Pattern MESSAGE =
            Pattern.compile("^(\\S+) has been compiled by a more recent version.*?class file version (\\d+)");

    private NewerClassFiles() {}

    /** The error for an entity whose loading failed because it, or a class it needs, is too new; empty otherwise. */
    static Optional<EntityException.NewerJava> in(String entity, Throwable failure, ClassLoader loader) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnsupportedClassVersionError error) return Optional.of(named(entity, error, loader));
        }
        return Optional.empty();
    }

    private static EntityException.NewerJava named(
            String entity, UnsupportedClassVersionError error, ClassLoader loader) {
        Matcher m = MESSAGE.matcher(String.valueOf(error.getMessage()));
        boolean said = m.find();
        String className = said ? m.group(1).replace('/', '.') : entity;
        int version = majorVersion(className, loader).orElse(said ? Integer.parseInt(m.group(2)) : 0);
        return new EntityException.NewerJava(entity, className, version, error);
    }

    /** The major version in the class file's header (bytes 6 and 7), as the loader finds the file. */
    private static Optional<Integer> majorVersion(String className, ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(className.replace('.', '/') + ".class")) {
            if (in == null) return Optional.empty();
            byte[] header = in.readNBytes(8);
            if (header.length < 8) return Optional.empty();
            return Optional.of((header[6] & 0xff) << 8 | header[7] & 0xff);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
