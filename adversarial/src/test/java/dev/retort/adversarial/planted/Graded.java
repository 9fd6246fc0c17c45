package dev.retort.adversarial.planted;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnDefault;

/** A column of a planted enum type whose default goes through a planted cast. */
@Entity
@Table(name = "graded")
public class Graded {
    @Id
    Integer id;

    @Column(columnDefinition = "evil.grade")
    @ColumnDefault("1")
    String grade;
}
