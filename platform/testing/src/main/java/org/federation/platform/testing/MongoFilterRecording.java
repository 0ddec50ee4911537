package org.federation.platform.testing;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * In every test context that has a MongoDB client (platform/testing is on the test class path
 * only), the client reports its commands to {@link MongoFilters} (filters, for index coverage),
 * {@link MongoCollections} (the collections each feature touches) and {@link MongoReads} (documents
 * returned).
 */
@AutoConfiguration
public class MongoFilterRecording {

    @Bean
    MongoClientSettingsBuilderCustomizer recordMongoFilters() {
        return settings -> settings.addCommandListener(MongoFilters.INSTANCE).addCommandListener(MongoCollections.INSTANCE)
                .addCommandListener(MongoReads.INSTANCE);
    }
}
