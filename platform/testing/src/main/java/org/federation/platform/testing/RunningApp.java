package org.federation.platform.testing;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What a service test reaches of the app it started: its port, its request mappings (for the
 * authorization matrix) and its store (for "nothing changed" checks).
 */
public abstract class RunningApp {

    @LocalServerPort
    protected int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    protected RequestMappingHandlerMapping mappings;
    @Autowired
    protected MongoTemplate mongo;

    /** The app over real HTTP, calling anonymously. */
    public HttpProbe app() {
        return HttpProbe.onPort(port);
    }
}
