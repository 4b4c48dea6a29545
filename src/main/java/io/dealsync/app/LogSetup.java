package io.dealsync.app;

import io.dealsync.config.EngineSettings;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * The log settings from every layer: logback.xml reads DEALSYNC_LOG_LEVEL / DEALSYNC_LOG_FORMAT (and -D)
 * itself, from the first line on; once the settings are loaded, a level or format from an operator's file
 * or {@code --set} applies too.
 */
public final class LogSetup {
    private static String appliedFormat;

    private LogSetup() {
    }

    /**
     * @throws EngineSettings.SettingsException when the level or the format is not one logback knows
     */
    public static synchronized void apply(EngineSettings s) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
            return; // another SLF4J binding (e.g. in an embedding application): its configuration rules
        }
        String format = s.get("dealsync.log.format", "text").toLowerCase(Locale.ROOT);
        if (!format.equals("text") && !format.equals("json")) {
            throw new EngineSettings.SettingsException("dealsync.log.format='" + format + "' is not a log format: text or json");
        }
        String levelName = s.get("dealsync.log.level", "INFO");
        Level level = Level.toLevel(levelName, null);
        if (level == null) {
            throw new EngineSettings.SettingsException("dealsync.log.level='" + levelName
                    + "' is not a log level: TRACE, DEBUG, INFO, WARN or ERROR");
        }
        String current = appliedFormat != null ? appliedFormat
                : ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("json") != null ? "json" : "text";
        if (!current.equals(format)) {
            reconfigure(ctx, format, levelName);
        }
        appliedFormat = format;
        ctx.getLogger("io.dealsync").setLevel(level);
    }

    private static void reconfigure(LoggerContext ctx, String format, String level) {
        java.net.URL config = LogSetup.class.getResource("/logback.xml");
        if (config == null) {
            return;
        }
        ctx.reset();
        ctx.putProperty("dealsync.log.format", format);
        ctx.putProperty("dealsync.log.level", level);
        JoranConfigurator jc = new JoranConfigurator();
        jc.setContext(ctx);
        try {
            jc.doConfigure(config);
        } catch (JoranException e) {
            throw new IllegalStateException("Reconfiguring the logs failed: " + e.getMessage(), e);
        }
    }
}
