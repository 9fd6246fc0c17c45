package dev.retort.embedded.internal;

import dev.retort.embedded.EmbeddedException;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The user the server's processes run as: the current one, or, when Retort runs as root (which PostgreSQL
 * refuses), an unprivileged user switched to through {@code setpriv} (or {@code runuser}), owning the files
 * the server writes.
 */
public record ServerUser(String name, List<String> prefix, UserPrincipal owner, GroupPrincipal group) {
    public ServerUser {
        prefix = List.copyOf(prefix);
    }

    /** The current user, or {@code rootUser} when the current user is root. */
    public static ServerUser resolve(String rootUser) {
        if (!isRoot()) return new ServerUser(System.getProperty("user.name"), List.of(), null, null);
        String hint = ": set embedded.user (RETORT_EMBEDDED_USER) to an unprivileged user, or dev.url to a"
                + " PostgreSQL server (jdbc:postgresql://HOST:PORT/postgres?user=USER)";
        if (!rootUser.matches("[a-z_][a-z0-9_.-]*") || rootUser.equals("root"))
            throw new EmbeddedException("embedded PostgreSQL refuses to run as root and embedded.user is not an"
                    + " unprivileged user name" + hint);
        UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
        UserPrincipal owner;
        GroupPrincipal group;
        try {
            owner = lookup.lookupPrincipalByName(rootUser);
            group = lookup.lookupPrincipalByGroupName(primaryGroup(rootUser));
        } catch (UserPrincipalNotFoundException e) {
            throw new EmbeddedException(
                    "embedded PostgreSQL refuses to run as root and there is no user " + rootUser + " to run it as"
                            + hint,
                    e);
        } catch (IOException e) {
            throw new EmbeddedException("embedded PostgreSQL: cannot look up the user " + rootUser + hint, e);
        }
        Optional<Path> setpriv = onPath("setpriv");
        if (setpriv.isPresent())
            return new ServerUser(
                    rootUser,
                    List.of(
                            setpriv.get().toString(),
                            "--reuid=" + rootUser,
                            "--regid=" + group.getName(),
                            "--init-groups",
                            "--"),
                    owner,
                    group);
        Optional<Path> runuser = onPath("runuser");
        if (runuser.isPresent())
            return new ServerUser(rootUser, List.of(runuser.get().toString(), "-u", rootUser, "--"), owner, group);
        throw new EmbeddedException("embedded PostgreSQL refuses to run as root and neither setpriv nor runuser is"
                + " installed to run it as " + rootUser + hint);
    }

    /** Whether the server runs as another user than Retort. */
    public boolean switched() {
        return owner != null;
    }

    /** The command, run as this user. */
    public List<String> command(List<String> command) {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(command);
        return all;
    }

    /** Gives the tree to this user (nothing when not switched). */
    public void own(Path tree) throws IOException {
        if (switched()) giveTree(tree, owner, group);
    }

    /** Gives the tree back to Retort's own user (nothing when not switched). */
    public void disown(Path tree) throws IOException {
        if (!switched()) return;
        UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
        giveTree(tree, lookup.lookupPrincipalByName("root"), lookup.lookupPrincipalByGroupName("root"));
    }

    /**
     * Whether this user can reach the directory: always when not switched; else when every directory from the
     * root down to it lets others through, as the unprivileged user is not its owner.
     */
    public boolean canReach(Path directory) throws IOException {
        if (!switched()) return true;
        for (Path p = directory.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p) && !Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE))
                return false;
        }
        return true;
    }

    private static void giveTree(Path tree, UserPrincipal user, GroupPrincipal group) throws IOException {
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                PosixFileAttributeView view =
                        Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
                view.setOwner(user);
                view.setGroup(group);
            }
        }
    }

    static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static String primaryGroup(String user) throws IOException {
        Optional<Path> id = onPath("id");
        if (id.isEmpty()) throw new UserPrincipalNotFoundException(user);
        Process process = new ProcessBuilder(id.get().toString(), "-gn", user)
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes()).strip();
        try {
            if (process.waitFor() != 0 || out.isEmpty()) throw new UserPrincipalNotFoundException(user);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        return out;
    }

    static Optional<Path> onPath(String tool) {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) dirs.addAll(List.of(path.split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/bin", "/usr/sbin", "/bin", "/sbin"));
        return dirs.stream()
                .filter(d -> !d.isBlank())
                .map(d -> Path.of(d, tool))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
