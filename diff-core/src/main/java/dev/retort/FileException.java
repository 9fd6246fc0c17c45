package dev.retort;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/** A file or folder Retort could not read or write: what it was doing, the path, and why, in words. */
public class FileException extends RetortException {
    private final String doing;
    private final Path path;
    private final String reason;

    /** @param doing what Retort was doing, as in "cannot write" or "reading the migrations folder" */
    public FileException(String doing, Path path, IOException cause) {
        this(doing, path, reason(cause), cause);
    }

    private FileException(String doing, Path path, String reason, IOException cause) {
        super(doing + " " + path + ": " + reason, cause);
        this.doing = doing;
        this.path = path;
        this.reason = reason;
    }

    /** What Retort was doing, as in "cannot write". */
    public String doing() {
        return doing;
    }

    public Path path() {
        return path;
    }

    /** The operating system's reason, in words, as in "permission denied". */
    public String reason() {
        return reason;
    }

    /** The operating system's reason, without the exception class and the path it repeats. */
    public static String reason(IOException e) {
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "no such file or directory";
        if (e instanceof FileAlreadyExistsException) return "already exists";
        if (e instanceof NotDirectoryException) return "not a directory";
        if (e instanceof CharacterCodingException) return "not UTF-8 text";
        if (e instanceof FileSystemException f && f.getReason() != null) {
            String reason = f.getReason();
            return reason.isEmpty() ? reason : Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
        }
        return String.valueOf(e.getMessage());
    }
}
