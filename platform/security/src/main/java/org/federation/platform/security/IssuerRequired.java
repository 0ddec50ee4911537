package org.federation.platform.security;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Stops a service at once, before it connects to anything, when no token issuer is configured:
 * otherwise the first error an operator sees is about Mongo or Kafka, not the missing setting.
 */
class IssuerRequired implements BeanFactoryPostProcessor, EnvironmentAware {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        new FederationSecurityProperties(environment.getProperty("federation.security.issuer"), null, null, null,
                null, null, null)
                .requiredIssuer();
    }
}
