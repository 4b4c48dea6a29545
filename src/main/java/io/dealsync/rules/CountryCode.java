package io.dealsync.rules;

/** A row of {@code rules/reference/countries.csv}: an ISO 3166-1 alpha-2 code the rules accept as a Customer Country. */
public record CountryCode(String code, String name) {
    public String getCode() { return code; }
    public String getName() { return name; }
}
