package org.federation.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.federation.platform.embeddedstore.EmbeddedStore;

import de.bwaldvogel.mongo.MongoServer;

/**
 * The Mongo-wire store as a process of its own: mongo-java-server with its H2 backend in one file,
 * so stopping the process and starting it again keeps every document. A SIGTERM closes the H2 file
 * cleanly (shutdown hook). Arguments: the H2 file, the port.
 */
public final class StoreMain {

    private StoreMain() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        Files.createDirectories(file.getParent());
        MongoServer server = new MongoServer(EmbeddedStore.inFile(file.toString()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            stopped.countDown();
        }, "store-stop"));
        server.bind("127.0.0.1", port);
        System.out.println("store listening on " + port + " (" + file + ")");
        stopped.await();
    }
}
