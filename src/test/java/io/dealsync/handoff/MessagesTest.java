package io.dealsync.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessagesTest {
    @Test
    void semicolonSeparatedMessagesTrimmedAndEmptyOnesDropped() {
        assertThat(Messages.split(" Customer account not found ;Invalid deal value;; ")).containsExactly(
                "Customer account not found", "Invalid deal value");
        assertThat(Messages.split("")).isEmpty();
        assertThat(Messages.split(null)).isEmpty();
    }

    @Test
    void emailsAndPhonesInAMessageAreMasked() {
        assertThat(Messages.split("Team member sam@partner.example has no phone; Phone +1 425 555 0100 is invalid"))
                .containsExactly("Team member <email> has no phone", "Phone <phone> is invalid");
    }
}
