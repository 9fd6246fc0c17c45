/** The starter's machinery behind its auto-configuration; no compatibility guarantees. */
package dev.retort.spring.internal;
