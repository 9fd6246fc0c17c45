package com.example.shop;

import org.springframework.data.jpa.repository.JpaRepository;

/** Customers, through Spring Data JPA. */
public interface CustomerRepository extends JpaRepository<Customer, Long> {}
