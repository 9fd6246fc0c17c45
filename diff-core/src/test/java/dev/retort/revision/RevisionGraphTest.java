package dev.retort.revision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RevisionGraphTest {
    private static RevisionNode node(String id, String... revises) {
        return RevisionNode.of(id, List.of(revises)).withMessage("msg " + id).withSource(id + ".java");
    }

    /** a1 <- b2 <- c3, listed out of order. */
    private static final RevisionGraph LINEAR =
            RevisionGraph.of(List.of(node("c3", "b2"), node("a1"), node("b2", "a1")));

    private static List<String> ids(List<RevisionNode> nodes) {
        return nodes.stream().map(RevisionNode::id).toList();
    }

    @Test
    void linearHistoryHasOneHeadAndOneBase() {
        assertEquals(List.of("c3"), LINEAR.heads());
        assertEquals(List.of("a1"), LINEAR.roots());
        assertEquals(List.of("a1", "b2", "c3"), ids(LINEAR.inOrder()));
    }

    @Test
    void upgradeAndDowngradePaths() {
        assertEquals(List.of("a1", "b2", "c3"), ids(LINEAR.upgradePath(Set.of(), List.of("c3"))));
        assertEquals(List.of("c3"), ids(LINEAR.upgradePath(Set.of("b2"), List.of("c3"))));
        assertEquals(List.of("c3", "b2"), ids(LINEAR.downgradePath(Set.of("c3"), Downgrade.to(List.of("a1")))));
        assertEquals(List.of("c3", "b2", "a1"), ids(LINEAR.downgradePath(Set.of("c3"), Downgrade.to(List.of()))));
    }

    @Test
    void targets() {
        assertEquals(List.of("c3"), Targets.upgrade(LINEAR, "head", Set.of()));
        assertEquals(List.of("b2"), Targets.upgrade(LINEAR, "b", Set.of()));
        assertEquals(List.of("a1"), Targets.upgrade(LINEAR, "+1", Set.of()));
        assertEquals(List.of("c3"), Targets.upgrade(LINEAR, "+2", Set.of("a1")));
        assertEquals(
                List.of("a1"), Targets.downgrade(LINEAR, "-2", Set.of("c3")).targets());
        assertEquals(List.of(), Targets.downgrade(LINEAR, "-3", Set.of("c3")).targets());
        assertEquals(List.of(), Targets.downgrade(LINEAR, "base", Set.of("c3")).targets());
        assertEquals(
                List.of("b2"), Targets.downgrade(LINEAR, "b2", Set.of("c3")).targets());
    }

    @Test
    void relativeTargetsPastTheEndsAreErrors() {
        var up = assertThrows(RevisionException.OutOfRange.class, () -> Targets.upgrade(LINEAR, "+2", Set.of("b2")));
        assertEquals("+2 goes past the head: only 1 revision(s) above b2", up.getMessage());
        var down =
                assertThrows(RevisionException.OutOfRange.class, () -> Targets.downgrade(LINEAR, "-4", Set.of("c3")));
        assertEquals("-4 goes past base: only 3 revision(s) below c3", down.getMessage());
        assertEquals(List.of("+2", "-4"), List.of(up.target(), down.target()));
        assertThrows(RevisionException.Unknown.class, () -> Targets.upgrade(LINEAR, "+x", Set.of()));
    }

    @Test
    void upgradeToARevisionBelowTheCurrentOneSaysToDowngrade() {
        var e = assertThrows(RevisionException.OutOfRange.class, () -> Targets.upgrade(LINEAR, "a1", Set.of("c3")));
        assertTrue(e.getMessage().contains("use 'retort downgrade a1'"), e.getMessage());
        assertEquals("a1", e.target());
    }

    @Test
    void downgradeToARevisionAboveTheCurrentOneSaysToUpgrade() {
        var e = assertThrows(RevisionException.OutOfRange.class, () -> Targets.downgrade(LINEAR, "c3", Set.of("a1")));
        assertTrue(e.getMessage().contains("use 'retort upgrade c3'"), e.getMessage());
    }

    @Test
    void prefixes() {
        RevisionGraph graph = RevisionGraph.of(List.of(node("ab12"), node("ab34", "ab12"), node("cd56", "ab34")));
        assertEquals("cd56", graph.resolve("c"));
        assertEquals("ab12", graph.resolve("ab12"));
        var ambiguous = assertThrows(RevisionException.Ambiguous.class, () -> graph.resolve("ab"));
        assertEquals("revision prefix ab is ambiguous: matches ab12, ab34", ambiguous.getMessage());
        assertEquals(List.of("ab12", "ab34"), ambiguous.candidates());
        var unknown = assertThrows(RevisionException.Unknown.class, () -> graph.resolve("zz"));
        assertEquals("no such revision: zz", unknown.getMessage());
        assertEquals("zz", unknown.name());
    }

    @Test
    void duplicateIdsNameBothSources() {
        var e = assertThrows(
                RevisionException.Duplicate.class,
                () -> RevisionGraph.of(List.of(
                        node("a1"),
                        RevisionNode.of("a1", List.of()).withMessage("again").withSource("Other.java"))));
        assertEquals("duplicate revision id a1: declared by a1.java and Other.java", e.getMessage());
        assertEquals(List.of("a1", "a1.java", "Other.java"), List.of(e.id(), e.first(), e.second()));
    }

    @Test
    void missingRevisionIsNamed() {
        var e = assertThrows(
                RevisionException.MissingRevision.class, () -> RevisionGraph.of(List.of(node("b2", "a1"))));
        assertEquals("revision b2 revises a1, which does not exist", e.getMessage());
        assertEquals(List.of("b2", "revises", "a1"), List.of(e.id(), e.relation(), e.missing()));
    }

    @Test
    void cyclesAreNamed() {
        var e = assertThrows(
                RevisionException.Cycle.class,
                () -> RevisionGraph.of(
                        List.of(node("a1", "c3"), node("b2", "a1"), node("c3", "b2"), node("d4", "c3"))));
        assertTrue(e.getMessage().startsWith("revisions form a cycle: "), e.getMessage());
        for (String id : List.of("a1", "b2", "c3")) assertTrue(e.getMessage().contains(id), e.getMessage());
        var self =
                assertThrows(RevisionException.SelfAncestor.class, () -> RevisionGraph.of(List.of(node("a1", "a1"))));
        assertEquals("revision a1 is its own ancestor: a1 -> a1", self.getMessage());
        assertEquals(List.of("a1", "a1"), self.path());
    }

    @Test
    void headIsAnErrorWhenThereAreSeveral() {
        RevisionGraph forked = RevisionGraph.of(List.of(node("a1"), node("b2", "a1"), node("c3", "a1")));
        assertEquals(List.of("b2", "c3"), forked.heads());
        var e = assertThrows(RevisionException.MultipleHeads.class, () -> Targets.upgrade(forked, "head", Set.of()));
        assertTrue(e.getMessage().contains("b2, c3"), e.getMessage());
        assertEquals(List.of("b2", "c3"), e.heads());
        assertEquals(List.of("b2", "c3"), Targets.upgrade(forked, "heads", Set.of()));
    }

    @Test
    void emptyGraph() {
        RevisionGraph empty = RevisionGraph.of(List.of());
        assertTrue(empty.heads().isEmpty());
        assertEquals(List.of(), Targets.upgrade(empty, "head", Set.of()));
        assertThrows(RevisionException.Unknown.class, () -> empty.resolve("a"));
    }
}
