package dev.retort.junit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The four checks a project's migrations should pass, as named tests: implement it in a class
 * annotated {@link RetortTest} (or one registering a {@link RetortExtension}) and the class runs them.
 */
public interface RetortContract {
    /** The history has exactly one head: no branch is left unmerged. */
    @Test
    @DisplayName("singleHead")
    default void singleHead(RetortChecks retort) {
        retort.assertSingleHead();
    }

    /** {@code upgrade heads} from base succeeds. */
    @Test
    @DisplayName("upgradesFromBase")
    default void upgradesFromBase(RetortChecks retort) {
        retort.assertUpgradesFromBase();
    }

    /** At heads, the entities and the migrations agree: {@code check} would find no operations. */
    @Test
    @DisplayName("entitiesMatchMigrations")
    default void entitiesMatchMigrations(RetortChecks retort) {
        retort.assertEntitiesMatchMigrations();
    }

    /** The stairway: each revision's downgrade restores the schema its upgrade started from. */
    @Test
    @DisplayName("downgradesRestore")
    default void downgradesRestore(RetortChecks retort) {
        retort.assertDowngradesRestore();
    }
}
