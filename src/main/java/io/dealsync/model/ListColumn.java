package io.dealsync.model;

import static io.dealsync.model.DbColumn.text;
import static io.dealsync.model.JsonPath.json;

/**
 * The list columns beside the scalar {@link Field}s: numbered headers ("Solution 1", "Team member 3"),
 * one column of the deal row each, one array of the referral resource each.
 */
public enum ListColumn {
    /** Only the first solution is stored. */
    SOLUTION(Field.SOLUTION_PREFIX, text("solution", 500), json(35, "details.requirements.solutions")),
    /** The deal team, JSON-encoded in one column: {@link ColumnLimits#MAX_TEAM} members at their widest fit it. */
    TEAM(Field.TEAM_PREFIX, text("team", 100_000), json(36, "team"));

    private final String prefix;
    private final DbColumn column;
    private final JsonPath jsonPath;

    ListColumn(String prefix, DbColumn column, JsonPath jsonPath) {
        this.prefix = prefix;
        this.column = column;
        this.jsonPath = jsonPath;
    }

    /** The header of the list's first element ("Solution 1"): where a finding on the list as a whole is reported. */
    public String firstHeader() {
        return prefix + "1";
    }

    public DbColumn column() {
        return column;
    }

    public JsonPath jsonPath() {
        return jsonPath;
    }
}
