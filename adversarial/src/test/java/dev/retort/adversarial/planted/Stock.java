package dev.retort.adversarial.planted;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.hibernate.annotations.ColumnDefault;

/** Columns of planted domains, with constant defaults. */
@Entity
@Table(name = "stock")
public class Stock {
    @Id
    Integer id;

    @Column(columnDefinition = "evil.quantity")
    @ColumnDefault("5")
    Integer qty;

    @Column(columnDefinition = "evil.amount")
    @ColumnDefault("1.50")
    BigDecimal price;
}
