package io.dealsync.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/operations.md: the inbox's files the intake leaves alone are the ones the run report lists; the others it takes. */
class InboxFilesTest {
    @TempDir
    Path inbox;

    @Test
    void notDataFilesAndHiddenFilesAreListedTheEnginesOwnFoldersAreNot() throws Exception {
        // given
        for (String f : new String[] {"a.csv", "notes.txt", ".hidden.csv", "crm/b.JSON", "crm/.tmp/c.csv",
                "crm/readme.md", ".done/d.txt", ".failed/e.csv.reason.txt", "crm/.inprogress/f.txt", "a.csv.done"}) {
            Path p = inbox.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "x");
        }

        // when / then: a done-marker counts as ignored only when markers are not in use
        assertThat(InboxFiles.ignored(inbox, true))
                .containsExactly(".hidden.csv", "crm/.tmp/c.csv", "crm/readme.md", "notes.txt");
        assertThat(InboxFiles.ignored(inbox, false))
                .containsExactly(".hidden.csv", "a.csv.done", "crm/.tmp/c.csv", "crm/readme.md", "notes.txt");
    }

    @Test
    void theFilesTheIntakeTakesComeInItsOrderThePathUnderTheInbox() throws Exception {
        // given
        for (String f : new String[] {"b.csv", "a.json", "crm/a.CSV", "notes.txt", ".hidden.csv", ".done/c.csv",
                "crm/.inprogress/d.csv", "book.xlsx"}) {
            Path p = inbox.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, "x");
        }

        // when / then
        assertThat(InboxFiles.taken(inbox)).extracting(p -> inbox.relativize(p).toString().replace('\\', '/'))
                .containsExactly("a.json", "b.csv", "book.xlsx", "crm/a.CSV");
    }

    @Test
    void noInboxNoFiles() {
        assertThat(InboxFiles.ignored(inbox.resolve("missing"), false)).isEmpty();
        assertThat(InboxFiles.taken(inbox.resolve("missing"))).isEmpty();
    }
}
