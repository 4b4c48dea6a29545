package io.dealsync.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

/** Deliveries take turns within the process: a daemon's timer's, and the one at the end of its batch of files. */
class OutboxTurnPolicyTest {
    @Test
    void aSecondDeliveryWaitsForTheFirstToEnd() throws Exception {
        OutboxTurnPolicy policy = new OutboxTurnPolicy(null);
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            Exchange first = new DefaultExchange(camel);
            Exchange second = new DefaultExchange(camel);
            policy.onExchangeBegin(null, first);
            assertThat(policy.busy()).isTrue();
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> policy.onExchangeBegin(null, second));
            assertThat(waiting).failsWithin(300, TimeUnit.MILLISECONDS); // still waiting for its turn
            policy.onExchangeDone(null, first);
            policy.onExchangeDone(null, first); // ended twice (done, then the completion): one turn given back
            waiting.get(5, TimeUnit.SECONDS);
            assertThat(policy.busy()).isTrue(); // the second holds it
            policy.onExchangeDone(null, second);
            assertThat(policy.busy()).isFalse();
        }
    }
}
