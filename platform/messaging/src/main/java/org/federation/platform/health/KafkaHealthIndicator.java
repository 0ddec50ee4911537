package org.federation.platform.health;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Kafka health: the broker answers a cluster description. Every service needs this, producers
 * included (the binder's own indicator only exists for apps with bindings).
 */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private final Admin admin;
    private final String bootstrapServers;

    public KafkaHealthIndicator(String bootstrapServers) {
        this(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** @param adminConfig bootstrap servers and, on a cluster, TLS/SASL settings (from {@code spring.kafka.*}) */
    public KafkaHealthIndicator(Map<String, Object> adminConfig) {
        super("Kafka cluster not reachable");
        this.bootstrapServers = org.federation.platform.messaging.FederationTopics.bootstrapOf(adminConfig);
        this.admin = Admin.create(healthConfig(adminConfig));
    }

    /** The given configuration with short timeouts: a health check answers within seconds. */
    public static Map<String, Object> healthConfig(Map<String, Object> adminConfig) {
        Map<String, Object> config = new java.util.HashMap<>(adminConfig);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3_000);
        return config;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(3_000));
        int nodes = cluster.nodes().get(3, TimeUnit.SECONDS).size();
        builder.up().withDetail("bootstrapServers", bootstrapServers).withDetail("brokers", nodes)
                .withDetail("clusterId", cluster.clusterId().get(3, TimeUnit.SECONDS));
    }

    @Override
    public void destroy() {
        admin.close();
    }
}
