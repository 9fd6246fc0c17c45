package dev.retort.embedded.internal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/** Directory trees the embedded server keeps: renamed into place whole, copied, deleted. */
final class Tree {
    private Tree() {}

    /**
     * Renames a finished directory to its place; when another process put its own there first, that one
     * stays (they are the same) and this one is left for the caller to delete.
     */
    static void renameInto(Path finished, Path target) throws IOException {
        try {
            Files.move(finished, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // another process finished first
        } catch (FileSystemException e) {
            if (!Files.isDirectory(target)) throw e;
        }
    }

    /** Copies a tree (files, directories, symbolic links, their modes). */
    static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                Path target = to.resolve(from.relativize(dir).toString());
                Files.copy(dir, target, StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Path target = to.resolve(from.relativize(file).toString());
                Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Deletes a tree, without following its symbolic links. */
    static void delete(Path tree) throws IOException {
        if (tree == null || !Files.exists(tree, LinkOption.NOFOLLOW_LINKS)) return;
        Files.walkFileTree(tree, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                if (failure != null) throw failure;
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void deleteQuietly(Path tree) {
        try {
            delete(tree);
        } catch (IOException ignored) {
            // a temporary directory left behind is swept or overwritten later
        }
    }
}
