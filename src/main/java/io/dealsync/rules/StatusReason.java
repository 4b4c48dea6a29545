package io.dealsync.rules;

/** A Partner Center reason code allowed for a substatus (Declined/Lost 1-8, Error 1-9), with its meaning. */
public record StatusReason(String substatus, int code, String meaning) {
    public String getSubstatus() { return substatus; }
    public int getCode() { return code; }
    public String getMeaning() { return meaning; }
}
