package org.federation.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the suite starts, stops and kills: {@code java <jvm options> -cp <classpath> <main> <args>},
 * its output appended to a log file. Kill is {@code kill -9} ({@link Process#destroyForcibly()}); stop is
 * SIGTERM ({@link Process#destroy()}), which runs the child's shutdown hooks (Spring's graceful shutdown).
 */
class ChildProcess {

    /** Every child started, so none outlives the suite (a JVM killed by a timeout or Ctrl-C included). */
    private static final java.util.Set<ChildProcess> STARTED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTED.forEach(c -> {
            Process p = c.process;
            if (p != null) {
                p.destroyForcibly();
            }
        }), "fault-suite-children"));
    }

    private final String name;
    private final List<String> jvmOptions;
    private final String classpath;
    private final String mainClass;
    private final List<String> args;
    private final Path log;
    private volatile Process process;

    ChildProcess(String name, List<String> jvmOptions, String classpath, String mainClass, List<String> args, Path log) {
        this.name = name;
        this.jvmOptions = jvmOptions;
        this.classpath = classpath;
        this.mainClass = mainClass;
        this.args = args;
        this.log = log;
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    synchronized void start() {
        if (alive()) {
            throw new IllegalStateException(name + " is already running");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, mainClass));
        command.addAll(args);
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "\n===== start " + java.time.Instant.now() + " =====\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            STARTED.add(this);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    boolean alive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** The exit code of a process that has ended ({@code null} while it runs or before it started). */
    Integer exitCode() {
        Process p = process;
        return p == null || p.isAlive() ? null : p.exitValue();
    }

    /** The last {@code lines} lines of its log (what an operator would look at first). */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, java.nio.charset.StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** The last line of its log that names an error (an exception, a "Caused by", an ERROR line), or null. */
    String lastError() {
        String[] lines = logTail(400).split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            String line = lines[i];
            if (line.contains(" ERROR ") || line.startsWith("Caused by:") || line.contains("Exception:")
                    || line.contains("already in use")) {
                return line.strip();
            }
        }
        return null;
    }

    /** Writes its threads' stacks (jcmd Thread.print) to {@code file}; says where, or why not. */
    String dumpThreads(Path file) {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return "no threads to dump (not running)";
        }
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(p.pid()), "Thread.print").redirectErrorStream(true)
                    .redirectOutput(file.toFile()).start();
            if (jcmd.waitFor(15, TimeUnit.SECONDS)) {
                return "threads in " + file;
            }
            jcmd.destroyForcibly();
            return "jcmd did not finish in 15 s";
        } catch (IOException e) {
            return "threads not dumped: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "threads not dumped: interrupted";
        }
    }

    long pid() {
        Process p = process;
        return p == null ? -1 : p.pid();
    }

    /** kill -9: no shutdown hook runs, requests in flight are cut, nothing is flushed. */
    void kill() {
        Process p = process;
        if (p != null) {
            p.destroyForcibly();
            await(p, 30);
        }
    }

    /** SIGTERM, then waits for the process to end (kill -9 after {@code graceSeconds}). */
    void terminate(int graceSeconds) {
        Process p = process;
        if (p != null && p.isAlive()) {
            p.destroy();
            if (!await(p, graceSeconds)) {
                System.out.println("[faults] " + name + " did not stop within " + graceSeconds + " s of SIGTERM; killing it");
                p.destroyForcibly();
                await(p, 30);
            }
        }
    }

    private static boolean await(Process p, int seconds) {
        try {
            return p.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A port nothing uses now, outside the kernel's ephemeral range (below it, or above it where it starts
     * too low). The suite binds each of its ports again after a restart; a port of the ephemeral range
     * (what {@code new ServerSocket(0)} gives) can be taken in between as the local end of any outgoing
     * connection, and the restarted process then fails to start: "address already in use".
     */
    static int freePort() {
        int[] range = portsOutsideEphemeral(ephemeralRange());
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = random.nextInt(range[0], range[1]);
            if (PORTS_GIVEN.add(port) && bindable(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + range[0] + " and " + range[1]);
    }

    private static final int LOWEST = 20_000;
    /** Ports already handed out (a child may not have bound its port yet when the next one is chosen). */
    private static final java.util.Set<Integer> PORTS_GIVEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Where to choose from, [first, last), given the ephemeral range [start, end]. */
    static int[] portsOutsideEphemeral(int[] ephemeral) {
        if (ephemeral[0] - LOWEST >= 2_000) {
            return new int[] {LOWEST, ephemeral[0]};
        }
        if (65_535 - ephemeral[1] >= 2_000) {
            return new int[] {ephemeral[1] + 1, 65_536};
        }
        throw new IllegalStateException("the ephemeral port range " + ephemeral[0] + "-" + ephemeral[1]
                + " leaves no room for the suite's ports; narrow net.ipv4.ip_local_port_range");
    }

    /** Free on every address, as the children bind it. */
    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * {@code net.ipv4.ip_local_port_range} (Linux's default 32768-60999 where it cannot be read). Read by
     * lines: {@code Files.readString} gets only the first byte of this procfs file on JDK 17.
     */
    static int[] ephemeralRange() {
        try {
            String[] range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim().split("\\s+");
            return new int[] {Integer.parseInt(range[0]), Integer.parseInt(range[1])};
        } catch (IOException | RuntimeException e) {
            return new int[] {32_768, 60_999};
        }
    }
}
