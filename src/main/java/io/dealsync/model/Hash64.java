package io.dealsync.model;

/**
 * A 64-bit hash of text (FNV-1a over the UTF-16 units, then a murmur3 finaliser), for keys and content
 * fingerprints. Not cryptographic: CRM exports are not adversarial, and two different values sharing a
 * hash is a 1-in-10^19 event per pair. Never 0 (0 means "no hash" wherever one is stored).
 */
public final class Hash64 {
    private long h = 0xcbf29ce484222325L;

    public Hash64 add(String s) {
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ 0x1F) * 0x100000001b3L; // a separator: ("ab","c") and ("a","bc") differ
        return this;
    }

    /** The characters {@code from} to {@code to} of {@code a}, as {@link #add(String)} adds the same text. */
    public Hash64 add(char[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            h = (h ^ a[i]) * 0x100000001b3L;
        }
        h = (h ^ 0x1F) * 0x100000001b3L;
        return this;
    }

    public Hash64 add(long v) {
        h = (h ^ v) * 0x100000001b3L;
        h = (h ^ (v >>> 32)) * 0x100000001b3L;
        return this;
    }

    public long value() {
        long z = h;
        z ^= z >>> 33;
        z *= 0xff51afd7ed558ccdL;
        z ^= z >>> 33;
        z *= 0xc4ceb9fe1a85ec53L;
        z ^= z >>> 33;
        return z == 0 ? 1 : z;
    }

    /** The hash of one text, e.g. a deal key {@code R:<referral id>}. */
    public static long of(String s) {
        return new Hash64().add(s).value();
    }
}
