package org.federation.faults;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ChildProcessTest {

    /**
     * The suite restarts processes on the ports they had; a port of the ephemeral range can meanwhile
     * become the local end of an outgoing connection, and the restart then fails to bind it.
     */
    @Test
    void portsForProcessesThatRestartComeFromBelowTheEphemeralRangeAndAreNeverHandedOutTwice() {
        int ephemeralStart = ChildProcess.ephemeralRangeStart();
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            int port = ChildProcess.freePort();
            assertTrue(port >= 1_024 && port < ephemeralStart, port + " is in the ephemeral range from " + ephemeralStart);
            assertTrue(ports.add(port), "port " + port + " handed out twice");
        }
    }
}
