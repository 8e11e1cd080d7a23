package dev.newswire.ingest.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The folders a replay may read ({@code newswire.ingest.replay.roots}), canonicalised once.
 * <p>
 * A requested folder is resolved, then canonicalised with {@link Path#toRealPath} (which follows
 * every link and removes {@code ..}), and only then compared with the canonical roots: so
 * {@code /etc}, {@code ../../}, {@code /proc/self/root} and a link inside a root that points out
 * of it all end up outside. Files get the same check one by one ({@link #contains}), because a
 * folder inside a root may still hold a link to {@code /etc/shadow}.
 * <p>
 * Every refusal is the same {@link ReplayRequestException}, whether the folder is missing, not a
 * folder, unreadable or outside: an answer that differed would tell a caller which folders exist
 * on the server. Nor does it echo the resolved absolute path.
 */
public final class ReplayRoots {

    static final String REFUSED = "\"dir\" is not a folder this service may replay: it must name an existing folder"
            + " inside one of the replay roots (setting newswire.ingest.replay.roots; see docs/security.md).";
    private static final Logger LOG = Logger.getLogger(ReplayRoots.class);

    private final List<Path> configured;

    private ReplayRoots(List<Path> configured) {
        this.configured = List.copyOf(configured);
    }

    /** The configured roots; each is canonicalised when used, so a root created later counts. */
    public static ReplayRoots of(List<String> configured) {
        return new ReplayRoots(configured.stream().filter(root -> root != null && !root.isBlank())
                .map(root -> Path.of(root.strip()).toAbsolutePath()).toList());
    }

    /** The same roots plus {@code folder} (the operator's start-up replay folder). */
    public ReplayRoots with(String folder) {
        List<Path> more = new ArrayList<>(configured);
        more.add(Path.of(folder).toAbsolutePath());
        return new ReplayRoots(more);
    }

    /** The roots that exist now, canonical (links resolved): what every path is compared with. */
    List<Path> paths() {
        List<Path> roots = new ArrayList<>();
        for (Path root : configured) {
            canonical(root).filter(Files::isDirectory).ifPresentOrElse(roots::add,
                    () -> LOG.debugf("Replay root %s does not exist; ignored", root));
        }
        return roots;
    }

    /**
     * The canonical folder {@code dir} names, if it lies inside a root. Relative names are tried
     * against the working directory first (what {@code {"dir": "seeds"}} always meant), then
     * against each root in order.
     */
    public Path resolve(String dir) {
        if (dir == null || dir.isBlank()) {
            throw new ReplayRequestException(400, "\"dir\" is required: the folder to replay, e.g. {\"dir\": \"seeds\"}.");
        }
        if (dir.indexOf('\0') >= 0) {
            throw new ReplayRequestException(400, "\"dir\" must not contain a NUL character.");
        }
        Path requested;
        try {
            requested = Path.of(dir);
        } catch (InvalidPathException e) {
            throw new ReplayRequestException(400, "\"dir\" is not a valid path.");
        }
        List<Path> candidates = new ArrayList<>();
        candidates.add(requested.toAbsolutePath());
        List<Path> roots = paths();
        if (!requested.isAbsolute()) {
            roots.forEach(root -> candidates.add(root.resolve(requested)));
        }
        for (Path candidate : candidates) {
            Optional<Path> real = canonical(candidate);
            if (real.isPresent() && Files.isDirectory(real.get(), LinkOption.NOFOLLOW_LINKS)
                    && roots.stream().anyMatch(real.get()::startsWith)) {
                return real.get();
            }
        }
        throw new ReplayRequestException(422, REFUSED);
    }

    /** True when {@code canonical} (a real path) is a root or lies below one. */
    public boolean contains(Path canonical) {
        return paths().stream().anyMatch(canonical::startsWith);
    }

    static Optional<Path> canonical(Path path) {
        try {
            return Optional.of(path.toRealPath());
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }
}
