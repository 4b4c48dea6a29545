package io.dealsync.model;

/**
 * Where a column sits in the Partner Center referral resource (docs/formats.md, "JSON (in)"): its path of
 * keys from the referral object ({@code customerProfile.address.city}; {@code team[0]} is the first element
 * of an array, or the value itself), and its place in the document, in which the export writes the keys
 * and the reader reports what it finds wrong. {@link ReferralShape} assembles the paths into the document.
 */
public record JsonPath(int order, String path) {
    static JsonPath json(int order, String path) {
        return new JsonPath(order, path);
    }
}
