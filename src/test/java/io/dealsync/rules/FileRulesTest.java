package io.dealsync.rules;

import static io.dealsync.rules.RuleFixtures.AS_OF;
import static io.dealsync.rules.RuleFixtures.accepted;
import static io.dealsync.rules.RuleFixtures.codes;
import static io.dealsync.rules.RuleFixtures.judgeFile;
import static io.dealsync.rules.RuleFixtures.received;
import static org.assertj.core.api.Assertions.assertThat;

import io.dealsync.sync.Decision;
import io.dealsync.sync.Decision.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** R9 (rules/file.drl). */
class FileRulesTest {

    @Test
    void r9TheFirstOccurrenceIsProcessedLaterOnesRejected() {
        List<Decision> d = judgeFile(AS_OF, List.of(accepted(), accepted().set("Notes", "edited"), accepted()), null);
        assertThat(d.get(0).outcome()).isEqualTo(Outcome.CREATE);
        assertThat(codes(d.get(1))).containsExactly("DUPLICATE_IN_FILE");
        assertThat(d.get(1).violations().get(0).message()).endsWith("(first seen on line 2)");
        assertThat(codes(d.get(2))).containsExactly("DUPLICATE_IN_FILE");
    }

    @Test
    void r9ALaterOccurrenceIsJudgedOnlyAsADuplicate() {
        List<Decision> d = judgeFile(AS_OF, List.of(accepted(), accepted().set("Notes", "").set("Currency", "EURO")), null);
        assertThat(codes(d.get(1))).containsExactly("DUPLICATE_IN_FILE");
    }

    @Test
    void r9DifferentDealsAreNotDuplicates() {
        List<Decision> d = judgeFile(AS_OF, List.of(accepted(), accepted().set("CRM ID", "CRM-1002"), received()), null);
        assertThat(d).allSatisfy(x -> assertThat(codes(x)).isEmpty());
    }

    @Test
    void r9TheSameReferralIdIsTheSameDeal() {
        List<Decision> d = judgeFile(AS_OF, List.of(received(), RuleFixtures.accepting(received())), null);
        assertThat(codes(d.get(0))).isEmpty();
        assertThat(codes(d.get(1))).containsExactly("DUPLICATE_IN_FILE");
    }
}
