package org.federation.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

/** One real SMTP server (GreenMail) per test JVM, on a free port, which the app under test sends to. */
public final class Smtp {

    private static GreenMail server;

    private Smtp() {
    }

    public static synchronized GreenMail get() {
        if (server == null) {
            server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "greenmail-stop"));
        }
        return server;
    }
}
