package com.example.shop;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Beside the entities; it needs the servlet API, which only the container provides. */
@RestController
@RequestMapping("/customers")
public class CustomerController {
    @GetMapping
    public String list(HttpServletRequest request) {
        return "customers for " + request.getRemoteAddr();
    }
}
