package dev.retort.spring;

import dev.retort.runtime.Retort;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The {@code retort} Actuator endpoint, when Actuator is on the class path and the endpoint is exposed. */
@AutoConfiguration(after = RetortAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnBean(Retort.class)
@ConditionalOnAvailableEndpoint(RetortEndpoint.class)
public class RetortEndpointAutoConfiguration {
    @Bean
    @ConditionalOnMissingBean
    public RetortEndpoint retortEndpoint(Retort retort) {
        return new RetortEndpoint(retort);
    }
}
