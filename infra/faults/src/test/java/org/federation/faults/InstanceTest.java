package org.federation.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InstanceTest {

    /** A not-ready instance is described by the health components that are not up, and why. */
    @Test
    void theHealthComponentsNotUpAreNamedWithTheirError() {
        String health = """
                {"status":"DOWN","components":{"diskSpace":{"status":"UP","details":{"free":1}},
                 "kafka":{"status":"UP"},"mongo":{"status":"DOWN","details":{"error":"com.mongodb.MongoTimeoutException: Timed out"}},
                 "readinessState":{"status":"OUT_OF_SERVICE"}}}""";
        assertEquals(": mongo DOWN: com.mongodb.MongoTimeoutException: Timed out, readinessState OUT_OF_SERVICE",
                Instance.componentsNotUp(health));
        assertEquals(", every component up", Instance.componentsNotUp("{\"status\":\"UP\",\"components\":{\"mongo\":{\"status\":\"UP\"}}}"));
    }
}
