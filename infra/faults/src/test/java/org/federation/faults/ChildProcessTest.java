package org.federation.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

    /**
     * The suite restarts processes on the ports they had; a port of the ephemeral range can meanwhile
     * become the local end of an outgoing connection, and the restart then fails to bind it.
     */
    @Test
    void portsForProcessesThatRestartComeFromOutsideTheEphemeralRangeAndAreNeverHandedOutTwice() throws Exception {
        String[] range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim().split("\\s+");
        int start = Integer.parseInt(range[0]);
        int end = Integer.parseInt(range[1]);
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            int port = ChildProcess.freePort();
            assertTrue(port >= 1_024 && (port < start || port > end), port + " is in the ephemeral range " + start + "-" + end);
            assertTrue(ports.add(port), "port " + port + " handed out twice");
        }
    }

    @Test
    void anEphemeralRangeStartingLowLeavesThePortsAboveIt() {
        assertArrayEquals(new int[] {20_000, 32_768}, ChildProcess.portsOutsideEphemeral(new int[] {32_768, 60_999}));
        assertArrayEquals(new int[] {50_001, 65_536}, ChildProcess.portsOutsideEphemeral(new int[] {1_024, 50_000}));
        assertThrows(IllegalStateException.class, () -> ChildProcess.portsOutsideEphemeral(new int[] {1_024, 65_000}));
    }

    /** A child that exits by itself is reported with its exit code and the error its log ends with. */
    @Test
    void aChildThatExitedIsReportedWithItsExitCodeAndTheLastErrorItLogged(@TempDir Path work) throws Exception {
        ChildProcess child = new ChildProcess("failing", List.of("-Xmx32m"), System.getProperty("java.class.path"),
                FailsToStart.class.getName(), List.of(), work.resolve("logs").resolve("failing.log"));
        child.start();
        Waits.until("the child has exited", java.time.Duration.ofSeconds(30), () -> !child.alive());

        assertEquals(3, child.exitCode());
        assertEquals("Caused by: java.net.BindException: Address already in use", child.lastError());
        assertTrue(Files.readString(child.log()).contains("===== start"), "the log marks each start");
        assertEquals("no threads to dump (not running)", child.dumpThreads(work.resolve("threads.txt")));
    }

    /** A main that fails as a service does whose port is taken. */
    public static final class FailsToStart {
        public static void main(String[] args) {
            System.out.println("starting");
            System.out.println("Caused by: java.net.BindException: Address already in use");
            System.out.println("\tat sun.nio.ch.Net.bind0(Native Method)");
            System.exit(3);
        }
    }
}
