/**
 * Retort in a Spring Boot application: {@link dev.retort.spring.RetortAutoConfiguration} runs the
 * migrations at start-up, before JPA, configured by {@link dev.retort.spring.RetortProperties}.
 */
package dev.retort.spring;
