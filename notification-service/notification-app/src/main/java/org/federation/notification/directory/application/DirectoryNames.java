package org.federation.notification.directory.application;

import org.federation.notification.directory.domain.KnownClubs;
import org.federation.notification.directory.domain.KnownPeople;
import org.federation.notification.directory.domain.Names;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@link Names} every notice's text uses: the directory's clubs and people. */
@Configuration(proxyBeanMethods = false)
class DirectoryNames {

    @Bean
    Names names(KnownClubs clubs, KnownPeople people) {
        return Names.of(clubs, people);
    }
}
