package dev.retort.revision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Small inline graphs: two branches, a merge, a diamond, labelled branches, dependencies, several bases. */
class BranchingGraphTest {
    private static RevisionNode node(String id, String... revises) {
        return RevisionNode.of(id, List.of(revises)).withMessage("msg " + id);
    }

    private static RevisionNode labelled(String id, String label, String... revises) {
        return RevisionNode.of(id, List.of(revises))
                .withBranchLabels(List.of(label))
                .withMessage("msg " + id);
    }

    private static RevisionNode depending(String id, List<String> revises, String... dependsOn) {
        return RevisionNode.of(id, revises).withDependsOn(List.of(dependsOn)).withMessage("msg " + id);
    }

    private static List<String> ids(List<RevisionNode> nodes) {
        return nodes.stream().map(RevisionNode::id).toList();
    }

    /** a1 forks into b2 and c3. */
    private static final RevisionGraph FORK = RevisionGraph.of(List.of(node("a1"), node("b2", "a1"), node("c3", "a1")));

    /** a1 forks into b2 and c3, merged by m4: the diamond. */
    private static final RevisionGraph DIAMOND =
            RevisionGraph.of(List.of(node("a1"), node("b2", "a1"), node("c3", "a1"), node("m4", "b2", "c3")));

    /** Two labelled lines from separate bases: cart (k1 <- k2 <- k3) and net (n1 <- n2). */
    private static final RevisionGraph LABELLED = RevisionGraph.of(List.of(
            labelled("k1", "cart"), node("k2", "k1"), node("k3", "k2"), labelled("n1", "net"), node("n2", "n1")));

    @Test
    void forkHasTwoHeadsAndABranchPoint() {
        assertEquals(List.of("b2", "c3"), FORK.heads());
        assertTrue(FORK.isBranchPoint("a1"));
        var e = assertThrows(RevisionException.MultipleHeads.class, () -> Targets.upgrade(FORK, "head", Set.of("a1")));
        assertEquals(
                "the history has several heads (b2, c3): name one, use 'heads' for all of them or LABEL@head for one branch, "
                        + "or join them with 'retort merge -m MESSAGE heads'; 'retort heads' lists them",
                e.getMessage());
        assertEquals(List.of("b2", "c3"), Targets.upgrade(FORK, "heads", Set.of("a1")));
        assertEquals(List.of("a1", "b2", "c3"), ids(FORK.upgradePath(Set.of(), FORK.heads())));
        var plus = assertThrows(RevisionException.OutOfRange.class, () -> Targets.upgrade(FORK, "+1", Set.of("a1")));
        assertTrue(plus.getMessage().contains("a1 branches into b2, c3"), plus.getMessage());
    }

    @Test
    void eachBranchKeepsItsOwnVersionRow() {
        Set<String> heads = Set.of("a1");
        heads = FORK.headsAfterUpgrade(heads, FORK.node("b2"));
        assertEquals(Set.of("b2"), heads);
        heads = FORK.headsAfterUpgrade(heads, FORK.node("c3"));
        assertEquals(Set.of("b2", "c3"), heads);
        heads = FORK.headsAfterDowngrade(heads, FORK.node("c3"));
        assertEquals(Set.of("b2"), heads, "a1 is still below b2, so it does not come back");
    }

    @Test
    void mergePointReplacesBothHeadsAndItsDowngradeRestoresThem() {
        assertEquals(List.of("m4"), DIAMOND.heads());
        assertTrue(DIAMOND.node("m4").isMergePoint());
        assertEquals(List.of("m4"), ids(DIAMOND.upgradePath(Set.of("b2", "c3"), List.of("m4"))));
        assertEquals(Set.of("m4"), DIAMOND.headsAfterUpgrade(Set.of("b2", "c3"), DIAMOND.node("m4")));
        assertEquals(Set.of("b2", "c3"), DIAMOND.headsAfterDowngrade(Set.of("m4"), DIAMOND.node("m4")));
        assertEquals(
                List.of("m4"),
                ids(DIAMOND.downgradePath(Set.of("m4"), Downgrade.to(List.of())).subList(0, 1)));
        assertEquals(
                List.of("b2", "c3"),
                Targets.downgrade(DIAMOND, "-1", Set.of("m4")).targets(),
                "down from a merge: both revisions it revises");
        assertEquals(List.of("m4"), ids(DIAMOND.downgradePath(Set.of("m4"), Downgrade.to(List.of("b2", "c3")))));
        var down =
                assertThrows(RevisionException.OutOfRange.class, () -> Targets.downgrade(DIAMOND, "-2", Set.of("m4")));
        assertTrue(down.getMessage().contains("below the merge the history splits into b2, c3"), down.getMessage());
        assertEquals(
                List.of("b2"), Targets.downgrade(DIAMOND, "b2", Set.of("m4")).targets());
        assertEquals(
                List.of("m4"),
                ids(DIAMOND.downgradePath(Set.of("m4"), Downgrade.to(List.of("b2")))),
                "only what descends from b2 is undone");
        assertEquals(Set.of("b2", "c3"), DIAMOND.headsAfterDowngrade(Set.of("m4"), DIAMOND.node("m4")));
    }

    @Test
    void downgradeOnOneBranchLeavesTheOtherAlone() {
        assertEquals(List.of("k3", "k2"), ids(LABELLED.downgradePath(Set.of("k3", "n2"), Downgrade.to(List.of("k1")))));
        assertEquals(
                List.of("n2", "n1", "k3", "k2", "k1"),
                ids(LABELLED.downgradePath(Set.of("k3", "n2"), Downgrade.to(List.of()))));
    }

    @Test
    void relativeStepsUndoOnlyTheLineTheyWalk() {
        RevisionGraph graph = RevisionGraph.of(
                List.of(node("a1"), labelled("b1", "billing", "a1"), node("b2", "b1"), labelled("c1", "audit", "a1")));
        Set<String> current = Set.of("b2", "c1");
        assertEquals(List.of("c1"), ids(graph.downgradePath(current, Targets.downgrade(graph, "audit@-1", current))));
        assertEquals(
                List.of("b2", "b1"),
                ids(graph.downgradePath(current, Targets.downgrade(graph, "billing@-2", current))));
        assertEquals(
                List.of("c1", "b2", "b1"),
                ids(graph.downgradePath(current, Targets.downgrade(graph, "a1", current))),
                "going down to the fork undoes both branches");
    }

    @Test
    void labelledBranchTargets() {
        assertEquals(List.of("k1", "n1"), LABELLED.roots());
        assertEquals(List.of("k3"), Targets.upgrade(LABELLED, "cart@head", Set.of()));
        assertEquals(List.of("n2"), Targets.upgrade(LABELLED, "net@head", Set.of("k3")));
        assertEquals(List.of("k2"), Targets.upgrade(LABELLED, "cart@+1", Set.of("k1", "n2")));
        assertEquals(List.of("n1"), Targets.upgrade(LABELLED, "net@+1", Set.of("k3")), "from base of the branch");
        assertEquals(List.of("k2"), Targets.upgrade(LABELLED, "cart@k2", Set.of()));
        assertEquals(
                List.of("k1"),
                Targets.downgrade(LABELLED, "cart@-2", Set.of("k3", "n2")).targets());
        assertEquals(
                List.of("n1"),
                Targets.downgrade(LABELLED, "net@n1", Set.of("k3", "n2")).targets());
        assertEquals(List.of("k1"), Targets.upgrade(LABELLED, "cart", Set.of()), "a bare label names its revision");
        var off =
                assertThrows(RevisionException.OutOfRange.class, () -> Targets.upgrade(LABELLED, "cart@n2", Set.of()));
        assertEquals("revision n2 is not on branch cart", off.getMessage());
        assertThrows(RevisionException.Unknown.class, () -> Targets.upgrade(LABELLED, "nope@head", Set.of()));
        var relative = assertThrows(
                RevisionException.OutOfRange.class, () -> Targets.upgrade(LABELLED, "+1", Set.of("k1", "n1")));
        assertTrue(relative.getMessage().contains("needs a single current revision"), relative.getMessage());
    }

    @Test
    void revisionRelativeTargets() {
        RevisionGraph line =
                RevisionGraph.of(List.of(node("a1"), node("b2", "a1"), node("c3", "b2"), node("d4", "c3")));
        assertEquals(List.of("c3"), Targets.upgrade(line, "a1+2", Set.of()));
        assertEquals(List.of("d4"), Targets.upgrade(line, "b+2", Set.of("a1")));
        assertEquals(
                List.of("b2"), Targets.downgrade(line, "d4-2", Set.of("d4")).targets());
        assertEquals(List.of(), Targets.downgrade(line, "b2-2", Set.of("d4")).targets());
        var wrongWay =
                assertThrows(RevisionException.OutOfRange.class, () -> Targets.upgrade(line, "-1", Set.of("d4")));
        assertEquals("-1 goes down; use 'retort downgrade -1'", wrongWay.getMessage());
        assertThrows(RevisionException.OutOfRange.class, () -> Targets.downgrade(line, "+1", Set.of("a1")));
    }

    @Test
    void dependenciesAreAppliedFirstButNotMerged() {
        RevisionGraph graph = RevisionGraph.of(
                List.of(labelled("k1", "cart"), labelled("n1", "net"), depending("n2", List.of("n1"), "k1")));
        assertEquals(List.of("k1", "n1", "n2"), ids(graph.upgradePath(Set.of(), List.of("n2"))));
        assertEquals(List.of("k1", "n2"), graph.heads(), "k1 stays a head: n2 depends on it without merging it");
        assertEquals(Set.of("k1", "n2"), graph.headsAfterUpgrade(Set.of("k1", "n1"), graph.node("n2")));
        List<String> all = ids(graph.downgradePath(Set.of("k1", "n2"), Downgrade.to(List.of())));
        assertTrue(all.indexOf("n2") < all.indexOf("k1"), "a dependency is undone after what depends on it: " + all);
        assertEquals(List.of("n2"), ids(graph.downgradePath(Set.of("k1", "n2"), Downgrade.to(List.of("n1")))));
    }

    @Test
    void validationErrorsAreDistinct() {
        assertEquals(
                "revision b2 depends on zz, which does not exist",
                assertThrows(
                                RevisionException.MissingRevision.class,
                                () -> RevisionGraph.of(List.of(node("a1"), depending("b2", List.of("a1"), "zz"))))
                        .getMessage());
        assertEquals(
                "revision a1 is its own ancestor: a1 -> b2 -> a1",
                assertThrows(
                                RevisionException.SelfAncestor.class,
                                () -> RevisionGraph.of(List.of(depending("a1", List.of(), "b2"), node("b2", "a1"))))
                        .getMessage());
        assertEquals(
                "revision a1 is its own ancestor: a1 -> a1",
                assertThrows(
                                RevisionException.SelfAncestor.class,
                                () -> RevisionGraph.of(List.of(depending("a1", List.of(), "a1"))))
                        .getMessage());
        assertEquals(
                "branch label cart is declared by both k1 and k2",
                assertThrows(
                                RevisionException.DuplicateLabel.class,
                                () -> RevisionGraph.of(List.of(labelled("k1", "cart"), labelled("k2", "cart", "k1"))))
                        .getMessage());
        assertEquals(
                "revisions form a cycle: a1 -> b2 -> a1",
                assertThrows(
                                RevisionException.Cycle.class,
                                () -> RevisionGraph.of(List.of(node("a1", "b2"), node("b2", "a1"))))
                        .getMessage());
        assertEquals(
                "revision b2 revises a1, which does not exist",
                assertThrows(RevisionException.MissingRevision.class, () -> RevisionGraph.of(List.of(node("b2", "a1"))))
                        .getMessage());
    }

    @Test
    void branchWithSeveralHeadsNeedsARevision() {
        RevisionGraph graph = RevisionGraph.of(List.of(labelled("k1", "cart"), node("k2", "k1"), node("k3", "k1")));
        var e = assertThrows(
                RevisionException.MultipleHeads.class, () -> Targets.upgrade(graph, "cart@head", Set.of()));
        assertTrue(e.getMessage().startsWith("branch cart has several heads (k2, k3)"), e.getMessage());
        assertEquals("branch cart", e.what());
    }

    @Test
    void anUnknownLabelIsNamedAsGiven() {
        var e = assertThrows(RevisionException.Unknown.class, () -> LABELLED.branch("nope"));
        assertEquals("no such revision: branch label nope", e.getMessage());
        assertEquals("nope", e.name());
    }
}
