/**
 * Retort tried as an attacker would: hostile names, comments, labels and messages, functions planted in the
 * database it reads, a search path that moves, scripts applied twice, URLs that carry passwords. One named test
 * per attack; each fails if its defect comes back.
 */
package dev.retort.adversarial;
