package dev.retort.cli.startup.warmup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.UUID;
import org.hibernate.annotations.ColumnDefault;

/** An entity of the warm-up model: what the training run ({@code Warmup}) maps so the archive holds Hibernate's classes. */
@Entity
@Table(name = "warmup_account", indexes = @Index(columnList = "email, createdAt"))
public class Account {
    /** Its states, mapped as a check constraint. */
    public enum Status {
        OPEN,
        CLOSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, unique = true, length = 200)
    String email;

    @Enumerated(EnumType.STRING)
    Status status;

    @ColumnDefault("0")
    BigDecimal balance;

    LocalDateTime createdAt;

    UUID token;
}
