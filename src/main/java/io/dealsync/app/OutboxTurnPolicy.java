package io.dealsync.app;

import io.dealsync.store.EngineLock;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * The notification delivery route's policy: in cluster mode one delivery at a time across the instances (the
 * {@code 'outbox'} row of engine_lock, held for the whole delivery). Without it two instances read the same
 * pending rows and both wrote each document. The second instance's delivery waits for the first, then finds
 * nothing left. With a single instance it does nothing (the embedded database's CHECKPOINT would wait for the
 * held transaction while the delivery waits for the CHECKPOINT).
 */
public final class OutboxTurnPolicy extends RoutePolicySupport {
    private static final String HELD = "dealsyncOutboxTurn";
    private final EngineLock lock;

    /** @param lock the cluster's outbox lock, or null for a single instance */
    OutboxTurnPolicy(EngineLock lock) {
        this.lock = lock;
    }

    @Override
    public void onExchangeBegin(Route route, Exchange exchange) {
        if (lock == null) {
            return;
        }
        EngineLock.Held held = lock.acquire();
        exchange.setProperty(HELD, held);
        // released when the exchange is done, whatever happened (Camel skips onExchangeDone while it stops)
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange e) {
                held.close();
            }
        });
    }

    @Override
    public void onExchangeDone(Route route, Exchange exchange) {
        EngineLock.Held held = exchange.getProperty(HELD, EngineLock.Held.class);
        if (held != null) {
            held.close(); // at once rather than at the end of the caller's exchange; closing twice is harmless
        }
    }
}
