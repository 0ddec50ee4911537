package org.federation.notification.scheduling.application;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The service's periodic work, each job on a thread of its own (not Spring's one shared scheduler
 * thread), so a slow job (a webhook that hangs) never delays another (an escalation that is due).
 * A job runs again {@code delay} after its previous run ended, never overlapping itself; a run that
 * throws is logged and the job goes on. Jobs start once the application context has started and stop
 * first on shutdown. Also hands out bounded worker pools, shut down with the context.
 */
@Component
public class Timers implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Timers.class);

    private record Job(String name, Duration initialDelay, Duration delay, Runnable work) {
    }

    private final List<Job> jobs = new CopyOnWriteArrayList<>();
    private final List<ExecutorService> timers = new CopyOnWriteArrayList<>();
    private final List<ExecutorService> pools = new CopyOnWriteArrayList<>();
    private volatile boolean running;

    /** Runs {@code work} every {@code delay} (after the previous run ended), first after {@code initialDelay}. */
    public void every(String name, Duration initialDelay, Duration delay, Runnable work) {
        Job job = new Job(name, initialDelay, delay, work);
        jobs.add(job);
        if (running) {
            schedule(job);
        }
    }

    /** A pool of at most {@code threads} threads named after {@code name}, shut down with the timers. */
    public ExecutorService workers(String name, int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, named(name));
        pools.add(pool);
        return pool;
    }

    @Override
    public synchronized void start() {
        if (!running) {
            running = true;
            jobs.forEach(this::schedule);
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        timers.forEach(ExecutorService::shutdownNow);
        timers.clear();
    }

    @Override
    public void destroy() {
        stop();
        pools.forEach(ExecutorService::shutdownNow);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void schedule(Job job) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(named(job.name()));
        timers.add(timer);
        timer.scheduleWithFixedDelay(() -> {
            try {
                job.work().run();
            } catch (RuntimeException e) {
                // a scheduled task that throws is never run again: keep the job alive
                log.warn("Periodic job {} failed; it runs again in {}", job.name(), job.delay(), e);
            }
        }, job.initialDelay().toMillis(), Math.max(1, job.delay().toMillis()), TimeUnit.MILLISECONDS);
    }

    private static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
