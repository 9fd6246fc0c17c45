package dev.retort.cli.startup.warmup;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** An entity of the warm-up model, with a sequence and a foreign key. */
@Entity
@Table(name = "warmup_entry")
public class Entry {
    @Id
    @GeneratedValue
    @SequenceGenerator(name = "warmup_entry_seq", allocationSize = 50)
    Long id;

    @ManyToOne(optional = false)
    Account account;

    LocalDate bookedOn;

    boolean cleared;
}
