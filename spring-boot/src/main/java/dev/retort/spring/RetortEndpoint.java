package dev.retort.spring;

import static java.util.Objects.requireNonNull;

import dev.retort.runtime.HistoryEntry;
import dev.retort.runtime.Retort;
import java.util.List;
import java.util.TreeSet;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/** The Actuator endpoint {@code retort}: the database's current revisions, the pending ones and the history. */
@Endpoint(id = "retort")
public class RetortEndpoint {
    private final Retort retort;

    public RetortEndpoint(Retort retort) {
        this.retort = requireNonNull(retort, "retort");
    }

    @ReadOperation
    public RetortReport retort() {
        List<PendingRevision> pending = retort.pending().stream()
                .map(node -> new PendingRevision(node.id(), node.revises(), node.message()))
                .toList();
        return new RetortReport(List.copyOf(new TreeSet<>(retort.current())), pending, retort.history());
    }

    /** What the endpoint answers: the current revisions in id order, the pending ones in run order, the history oldest first. */
    public record RetortReport(List<String> current, List<PendingRevision> pending, List<HistoryEntry> history) {}

    /** A revision {@code upgrade heads} would apply. */
    public record PendingRevision(String revision, List<String> revises, String message) {}
}
