package io.dealsync.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class JsonTextWindowTest {
    private static String readAll(JsonTextWindow w, int chunk) throws Exception {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[chunk];
        int n;
        while ((n = w.read(buf, 0, chunk)) > 0) {
            sb.append(buf, 0, n);
        }
        return sb.toString();
    }

    @Test
    void givesTheTextBetweenOffsetsAcrossCompactionsAndGrowth() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.append("{\"n\":").append(i).append("}\n");
        }
        String big = "x".repeat(300_000); // longer than the window: it grows, then gives the room back
        text.append(big);
        String all = text.toString();
        JsonTextWindow w = new JsonTextWindow(new StringReader(all));
        char[] buf = new char[4000];
        int read = 0;
        int from = 0;
        int n;
        while ((n = w.read(buf, 0, buf.length)) > 0) {
            read += n;
            // take what a parser would: every whole line read so far, then forget it
            int nl;
            while ((nl = all.indexOf('\n', from)) >= 0 && nl < read) {
                assertThat(w.text(from, nl)).isEqualTo(all.substring(from, nl));
                w.forget(nl + 1);
                from = nl + 1;
            }
        }
        assertThat(w.text(from, all.length())).isEqualTo(big);
        w.forget(all.length());
        assertThat(readAll(w, 10)).isEmpty();
    }
}
