package com.example.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDateTime;

@Entity
@Table(name = "customers")
public class Customer {
    @Id
    @GeneratedValue
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    private String internalNote;

    @Column(precision = 10, scale = 2)
    private BigDecimal balance;

    private boolean active;

    private LocalDateTime createdAt;

    @Column(length = 30)
    private String phone;
}
