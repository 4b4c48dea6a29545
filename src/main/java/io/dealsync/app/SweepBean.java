package io.dealsync.app;

/** The sweep route's bean: expire stored deals past their answer window, then close that run. */
public final class SweepBean {
    private final RunService runs;

    public SweepBean(RunService runs) {
        this.runs = runs;
    }

    /** Daemon schedule: a sweep is a run of its own, with its own report. */
    public long sweepAndReport() {
        long n = runs.sweep();
        runs.finishRun();
        return n;
    }
}
