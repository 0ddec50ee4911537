package org.federation.local;

import java.nio.file.Files;
import java.nio.file.Path;

import org.federation.platform.embeddedstore.EmbeddedStore;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The embedded Mongo-wire store: mongo-java-server with its H2 backend, in one file of the data
 * folder, so documents survive a restart. Any MongoDB client can connect to it.
 */
final class MongoWireStore implements AutoCloseable {

    private final MongoServer server;
    private final int port;

    MongoWireStore(Path file, int port) throws java.io.IOException {
        Files.createDirectories(file.getParent());
        this.server = new MongoServer(EmbeddedStore.inFile(file.toAbsolutePath().toString()));
        this.port = port;
    }

    void start() {
        if (KafkaBroker.portOpen(port)) {
            throw new IllegalStateException("port " + port + " is taken; is a MongoDB (or the platform) already running?");
        }
        server.bind("127.0.0.1", port);
    }

    String uri(String database) {
        return "mongodb://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
