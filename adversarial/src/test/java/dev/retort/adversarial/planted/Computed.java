package dev.retort.adversarial.planted;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.GeneratedColumn;

/** A generated column calling a planted immutable function with a constant. */
@Entity
@Table(name = "computed")
public class Computed {
    @Id
    Integer id;

    Integer x;

    @Column(insertable = false, updatable = false)
    @GeneratedColumn("x + evil.shifted(1)")
    Integer y;
}
