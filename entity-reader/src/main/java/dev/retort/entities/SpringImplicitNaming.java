package dev.retort.entities;

import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitJoinTableNameSource;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;

/**
 * Spring Boot's implicit naming rule, used for {@code entities.naming = spring} when Spring's own
 * {@code SpringImplicitNamingStrategy} is not on the entity class path: JPA's names, except that a
 * join table without {@code @JoinTable} is named after the owning table and the attribute
 * ({@code vets_specialties} for {@code Vet.specialties} in table {@code vets}), not after the two
 * entities' tables.
 */
final class SpringImplicitNaming extends ImplicitNamingStrategyJpaCompliantImpl {
    @Override
    public Identifier determineJoinTableName(ImplicitJoinTableNameSource source) {
        String attribute = source.getAssociationOwningAttributePath().getProperty();
        return toIdentifier(source.getOwningPhysicalTableName() + "_" + attribute, source.getBuildingContext());
    }
}
