package dev.retort.spring.internal;

import static java.util.Objects.requireNonNull;

import dev.retort.RetortException;
import dev.retort.runtime.AppliedMigration;
import dev.retort.runtime.Retort;
import dev.retort.runtime.RunResult;
import dev.retort.runtime.Validation;
import dev.retort.spring.RetortMigrationStrategy;
import java.util.List;
import java.util.Set;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/** The default start-up run: validate when asked, then upgrade to the target, and log what was done. */
public final class UpgradeOnStartup implements RetortMigrationStrategy {
    private static final Log log = LogFactory.getLog(UpgradeOnStartup.class);

    private final String target;
    private final boolean validateFirst;

    public UpgradeOnStartup(String target, boolean validateFirst) {
        this.target = requireNonNull(target, "target");
        this.validateFirst = validateFirst;
    }

    @Override
    public void migrate(Retort retort) {
        if (validateFirst) refuseProblems(retort.validate());
        RunResult result = retort.upgrade(target);
        if (result.applied().isEmpty()) {
            log.info("Retort: the database is up to date at " + heads(result.after()));
            return;
        }
        for (AppliedMigration applied : result.applied()) {
            log.info("Retort: applied " + applied.revision().id() + " in "
                    + applied.duration().toMillis() + " ms");
        }
        log.info("Retort: upgraded " + heads(result.before()) + " -> " + heads(result.after()));
    }

    /** Every problem but an unverifiable revision (stamped, so without a checksum) stops start-up. */
    private static void refuseProblems(Validation validation) {
        List<Validation.Problem> problems = validation.problems().stream()
                .filter(p -> p.kind() != Validation.Kind.UNVERIFIABLE)
                .toList();
        if (problems.isEmpty()) return;
        throw new RetortException(
                "retort.validate-on-migrate: " + problems.get(0).message()
                        + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : "")
                        + "; nothing was run");
    }

    private static String heads(Set<String> heads) {
        return heads.isEmpty() ? "base" : String.join(", ", heads);
    }
}
