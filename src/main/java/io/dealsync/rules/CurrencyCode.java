package io.dealsync.rules;

/** A row of {@code rules/reference/currencies.csv}: an ISO 4217 code the rules accept as a Currency. */
public record CurrencyCode(String code, String name) {
    // Getter-style names so DRL can write not CurrencyCode( code == $code ).
    public String getCode() { return code; }
    public String getName() { return name; }
}
