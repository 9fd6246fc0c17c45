package dev.retort.entities.model.indexes;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** One index named by the mapping, one whose name Hibernate makes up. */
@Entity
@Table(
        name = "tickets",
        indexes = {@Index(name = "tickets_by_title", columnList = "title"), @Index(columnList = "opened")})
public class Ticket {
    @Id
    Integer id;

    String title;

    java.time.LocalDate opened;
}
