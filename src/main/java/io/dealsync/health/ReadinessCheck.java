package io.dealsync.health;

import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * A check of something the engine needs before it can take files: part of readiness
 * ({@code /observe/health/ready}), not of liveness (a database outage is no reason to restart the process).
 */
abstract class ReadinessCheck extends AbstractHealthCheck {
    ReadinessCheck(String id) {
        super("dealsync", id);
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    public boolean isReadiness() {
        return true;
    }
}
