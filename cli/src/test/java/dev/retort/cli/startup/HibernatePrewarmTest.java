package dev.retort.cli.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.cli.EntityRead;
import java.util.List;
import org.junit.jupiter.api.Test;

class HibernatePrewarmTest {
    /** The warm-up ignores its failures, so a broken mapping of the bundled entities would go unseen but here. */
    @Test
    void theBundledEntitiesMap() {
        List<String> tables = EntityRead.read(HibernatePrewarm.WARMUP, "public").tables().stream()
                .map(table -> table.name().name())
                .sorted()
                .toList();
        assertEquals(List.of("warmup_account", "warmup_entry"), tables);
    }
}
