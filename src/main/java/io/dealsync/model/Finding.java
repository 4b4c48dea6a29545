package io.dealsync.model;

/**
 * One thing a rule said about a deal: a reason code of {@code rules/reference/reason-codes.csv}, the column it
 * is about ("" for the deal as a whole), and a detail a reviewer needs to fix it ("" when none). The engine
 * turns it into a {@link Violation} with the code's severity and message (docs/domain.md, "Reason codes").
 */
public record Finding(String code, String column, String detail) {
}
