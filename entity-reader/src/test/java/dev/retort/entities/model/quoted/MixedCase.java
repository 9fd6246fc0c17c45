package dev.retort.entities.model.quoted;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Quoted identifiers keep their case in PostgreSQL; unquoted ones fold to lower case. */
@Entity
@Table(name = "\"MixedCase\"")
public class MixedCase {
    @Id
    @Column(name = "\"Id\"")
    Integer id;

    @Column(name = "PlainUpper")
    String plainUpper;

    @Column(columnDefinition = "text")
    String body;
}
