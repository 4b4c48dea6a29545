package io.dealsync.rules;

import java.util.List;
import java.util.stream.Collectors;

/** The rules folder does not compile or its reference tables do not parse; every problem is listed. */
public class RulesException extends RuntimeException {
    private final List<RuleProblem> problems;

    public RulesException(List<RuleProblem> problems) {
        super("The rules in rules/ have " + problems.size() + " problem(s):\n"
                + problems.stream().map(RuleProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
