package org.federation.platform.problem;

/** The thing asked for does not exist (HTTP 404). Plain Java, so domain code may throw it. */
public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String what, String id) {
        super(what + " " + id + " does not exist");
    }
}
