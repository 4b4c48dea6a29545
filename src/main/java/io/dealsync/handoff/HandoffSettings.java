package io.dealsync.handoff;

import io.dealsync.config.EngineSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code dealsync.handoff.*} settings: where upload files go, how many rows a file holds (Partner
 * Center processes no file over 1,000 rows), the template's required values the deals do not carry, and
 * the inbox source whose files are Partner Center's processed files.
 */
public record HandoffSettings(Path outDir, int maxRows, String marketplacePurchaseIntent, String processedSource,
        String halt) {
    /** Partner Center's own limit on the rows of one upload file. */
    public static final int PARTNER_CENTER_MAX_ROWS = 1000;
    public static final String DEFAULT_PROCESSED_SOURCE = "partner-center";
    /** What the template accepts in Marketplace Purchase Intent. */
    public static final List<String> PURCHASE_INTENTS = List.of("Yes", "No", "Have not decided");

    public HandoffSettings {
        if (maxRows < 1 || maxRows > PARTNER_CENTER_MAX_ROWS) {
            throw new IllegalArgumentException("Setting dealsync.handoff.max-rows=" + maxRows
                    + " must be between 1 and " + PARTNER_CENTER_MAX_ROWS + " (Partner Center's limit)");
        }
        marketplacePurchaseIntent = purchaseIntent(marketplacePurchaseIntent);
    }

    private static String purchaseIntent(String given) {
        for (String v : PURCHASE_INTENTS) {
            if (v.equalsIgnoreCase(given.strip())) {
                return v;
            }
        }
        throw new IllegalArgumentException("Setting dealsync.handoff.marketplace-purchase-intent='" + given
                + "' must be one of " + PURCHASE_INTENTS);
    }

    /** From the engine's settings; {@code outDir} (the command's --out) wins over the configured folder when given. */
    public static HandoffSettings from(EngineSettings s, Path outDir) {
        Path out = outDir != null ? outDir.toAbsolutePath().normalize()
                : s.get("dealsync.handoff.out").isEmpty() ? s.path("dealsync.outbox").resolve("handoff")
                : s.path("dealsync.handoff.out");
        return new HandoffSettings(out, s.getInt("dealsync.handoff.max-rows", PARTNER_CENTER_MAX_ROWS),
                s.get("dealsync.handoff.marketplace-purchase-intent", "Have not decided"),
                processedSource(s), s.get("dealsync.handoff.test-halt"));
    }

    /** The inbox subfolder whose files are Partner Center's processed files (not deals to judge). */
    public static String processedSource(EngineSettings s) {
        return s.get("dealsync.handoff.processed-source", DEFAULT_PROCESSED_SOURCE);
    }
}
