package io.dealsync.review;

import java.io.IOException;
import java.io.Writer;

/** A reviewer file's writer whose text is also kept in a builder: what {@link WorkbookFeed} is fed. */
final class TeeWriter extends Writer {
    private final Writer file;
    private final StringBuilder tee;

    TeeWriter(Writer file, StringBuilder tee) {
        this.file = file;
        this.tee = tee;
    }

    @Override
    public void write(int c) throws IOException {
        file.write(c);
        tee.append((char) c);
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        file.write(s, off, len);
        tee.append(s, off, off + len);
    }

    @Override
    public void write(char[] c, int off, int len) throws IOException {
        file.write(c, off, len);
        tee.append(c, off, len);
    }

    @Override
    public void flush() throws IOException {
        file.flush();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
