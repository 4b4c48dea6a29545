package io.dealsync.store;

/**
 * An input file as the database knows it: its row id and the checkpoint of the last settled chunk, so a
 * run killed mid-file resumes exactly where it stopped.
 */
public record FileState(long id, String name, String source, String sha256, long checkpointLine,
        String rejectFile, long rejectOffset, String warningFile, long warningOffset, String ledgerJson,
        boolean resumed) {
}
