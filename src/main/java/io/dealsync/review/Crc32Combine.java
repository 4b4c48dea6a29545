package io.dealsync.review;

/**
 * zlib's {@code crc32_combine}: the CRC-32 of two texts one after the other, from each one's CRC-32 and the second's
 * length, without reading either again (java.util.zip has no such call). Appending {@code len2} bytes multiplies
 * the first CRC by x^(8 len2) modulo the CRC polynomial; the operator for that is squared up from one zero bit.
 */
final class Crc32Combine {
    private static final int DIM = 32;

    private Crc32Combine() {
    }

    static long combine(long crc1, long crc2, long len2) {
        if (len2 <= 0) {
            return crc1;
        }
        long[] even = new long[DIM];
        long[] odd = new long[DIM];
        odd[0] = 0xedb88320L; // the operator for one zero bit
        long row = 1;
        for (int n = 1; n < DIM; n++) {
            odd[n] = row;
            row <<= 1;
        }
        square(even, odd); // two zero bits
        square(odd, even); // four
        long c = crc1;
        long len = len2;
        do { // one zero byte first, then each bit of len2 applies its power of two
            square(even, odd);
            if ((len & 1) != 0) {
                c = times(even, c);
            }
            len >>= 1;
            if (len == 0) {
                break;
            }
            square(odd, even);
            if ((len & 1) != 0) {
                c = times(odd, c);
            }
            len >>= 1;
        } while (len != 0);
        return (c ^ crc2) & 0xffffffffL;
    }

    private static long times(long[] mat, long vec) {
        long sum = 0;
        for (int i = 0; vec != 0; i++, vec >>>= 1) {
            if ((vec & 1) != 0) {
                sum ^= mat[i];
            }
        }
        return sum;
    }

    private static void square(long[] square, long[] mat) {
        for (int n = 0; n < DIM; n++) {
            square[n] = times(mat, mat[n]);
        }
    }
}
