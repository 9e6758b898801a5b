package id.go.jambiprov.dumisake.shared;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;

/**
 * Text built by appends into one array of chars, written out from it without a copy. A {@link StringBuilder} holds
 * Latin-1 text in bytes until the first other character ("–", "…" in a programme's name), then copies all of it
 * into a buffer twice the size; a page or a table with such a character so cost three times its size in garbage.
 * Here the buffer is chars from the start, sized by the caller's estimate, and grows by half when that was short.
 */
public final class TextBuffer {

    private char[] chars;
    private int length;
    private final int maxCapacity;

    public TextBuffer(int capacity) {
        this(capacity, Integer.MAX_VALUE);
    }

    /** A buffer whose array never grows past {@code maxCapacity} chars: its user writes out before it would. */
    public TextBuffer(int capacity, int maxCapacity) {
        this.chars = new char[Math.max(Math.min(capacity, maxCapacity), 16)];
        this.maxCapacity = maxCapacity;
    }

    public TextBuffer append(String text) {
        return append(text, 0, text.length());
    }

    public TextBuffer append(String text, int offset, int count) {
        ensure(count);
        text.getChars(offset, offset + count, chars, length);
        length += count;
        return this;
    }

    public TextBuffer append(char[] text, int offset, int count) {
        ensure(count);
        System.arraycopy(text, offset, chars, length, count);
        length += count;
        return this;
    }

    public TextBuffer append(char c) {
        ensure(1);
        chars[length++] = c;
        return this;
    }

    public int length() {
        return length;
    }

    /** Empties the buffer, keeping its array for what is appended next. */
    public void clear() {
        length = 0;
    }

    /** Writes the text to {@code out} from this buffer's own array. */
    public void writeTo(Writer out) throws IOException {
        out.write(chars, 0, length);
    }

    private void ensure(int more) {
        int needed = length + more;
        if (needed > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(needed, Math.min(maxCapacity, chars.length + (chars.length >> 1))));
        }
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }
}
