package io.dealsync.app;

import io.dealsync.store.EngineLock;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * The notification delivery route's policy: one delivery at a time. Within the process a turn (a daemon's timer,
 * and the delivery at the end of its batch of files, ran on two threads): two at once read the same pending rows
 * and both wrote each document, which a consumer of the folder may take twice. Delivering while the files are
 * still read was tried for run --once, and made a first night of 1,000,000 rows ~3 s slower (its file creations
 * and row updates compete with the chunk writer's), so the timer stays the daemon's. In cluster mode the turn also holds the
 * {@code 'outbox'} row of engine_lock for the whole delivery, across the instances: the second instance's delivery
 * waits for the first, then finds nothing left. With a single instance no row is locked (the embedded database's
 * CHECKPOINT would wait for the held transaction while the delivery waits for the CHECKPOINT).
 */
public final class OutboxTurnPolicy extends RoutePolicySupport {
    private static final String HELD = "dealsyncOutboxTurn";
    private final EngineLock lock;
    private final Semaphore turn = new Semaphore(1); // not a lock: Camel may end the exchange on another thread

    /** @param lock the cluster's outbox lock, or null for a single instance */
    OutboxTurnPolicy(EngineLock lock) {
        this.lock = lock;
    }

    @Override
    public void onExchangeBegin(Route route, Exchange exchange) {
        try {
            turn.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.setException(e); // stopping: the next run delivers what is left
            return;
        }
        Turn t = new Turn();
        exchange.setProperty(HELD, t);
        // released when the exchange is done, whatever happened (Camel skips onExchangeDone while it stops)
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange e) {
                t.close();
            }
        });
        if (lock != null) {
            try {
                t.held = lock.acquire();
            } catch (RuntimeException e) {
                t.close();
                throw e;
            }
        }
    }

    @Override
    public void onExchangeDone(Route route, Exchange exchange) {
        Turn t = exchange.getProperty(HELD, Turn.class);
        if (t != null) {
            t.close(); // at once rather than at the end of the caller's exchange; closing twice is harmless
        }
    }

    /** Whether a delivery holds the turn now (for tests). */
    boolean busy() {
        return turn.availablePermits() == 0;
    }

    /** One delivery's turn: given back once, whoever ends it. */
    private final class Turn implements AutoCloseable {
        private final AtomicBoolean open = new AtomicBoolean(true);
        private volatile EngineLock.Held held;

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                try {
                    if (held != null) {
                        held.close();
                    }
                } finally {
                    turn.release();
                }
            }
        }
    }
}
