/** Entities mapping the tables PlantedFunctionsTest plants, so that the model's side is canonicalised against them too. */
package dev.retort.adversarial.planted;
