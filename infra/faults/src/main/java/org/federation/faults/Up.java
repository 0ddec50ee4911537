package org.federation.faults;

/** Starts the suite's platform and keeps it up until Ctrl-C (for looking at it by hand). */
public final class Up {
    private Up() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.fromSystem();
        long started = System.nanoTime();
        Platform platform = Platform.start(settings.work(), settings.kafkaLibs(), settings.classpath());
        System.out.println("up in " + (System.nanoTime() - started) / 1_000_000_000 + " s: " + platform.describe());
        People people = new People(platform);
        System.out.println("presidium token: " + people.presidium());
        System.out.println("organization token: " + people.organizationMember());
        System.out.println("finance token: " + people.financeHead());
        Runtime.getRuntime().addShutdownHook(new Thread(platform::close));
        Thread.currentThread().join();
    }
}
