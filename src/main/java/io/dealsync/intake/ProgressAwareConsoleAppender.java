package io.dealsync.intake;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;

/** logback's console appender that first clears the terminal's progress line (logback.xml uses it). */
public final class ProgressAwareConsoleAppender extends ConsoleAppender<ILoggingEvent> {
    @Override
    protected void subAppend(ILoggingEvent event) {
        synchronized (Progress.terminal()) {
            Progress.beforeLogLine();
            super.subAppend(event);
        }
    }
}
