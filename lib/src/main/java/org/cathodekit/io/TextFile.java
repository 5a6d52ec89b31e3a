package org.cathodekit.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.cathodekit.core.DataFormatException;

/**
 * A text file decoded with its encoding detected from the content (never from the JVM's default):
 * UTF-8 (with or without BOM) when the bytes are valid UTF-8, otherwise ISO-8859-1 (latin-1, which
 * instrument software on Windows writes for {@code µ} and {@code °}). Lines are split on
 * {@code \n}, {@code \r\n} or {@code \r}. The file is opened read-only and never modified.
 *
 * @param file    the file as given
 * @param charset the detected encoding
 * @param lines   the lines without terminators (unmodifiable); line {@code i} is line number {@code i+1}
 */
public record TextFile(Path file, Charset charset, List<String> lines) {

    public TextFile {
        lines = Collections.unmodifiableList(lines);
    }

    /**
     * Reads and decodes a whole text file.
     *
     * @throws DataFormatException when the file does not exist, cannot be read, or holds NUL bytes (binary)
     */
    public static TextFile read(Path file) {
        byte[] bytes;
        if (java.nio.file.Files.isDirectory(file)) {
            throw new DataFormatException(file, null, "is a folder, expected a file");
        }
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file, null, "file not found");
        } catch (IOException e) {
            throw new DataFormatException(file, null, "cannot read file: " + e.getMessage(), e);
        }
        return decode(file, bytes);
    }

    /** Decodes bytes already in memory (for tests and streams); {@code file} names them in messages. */
    public static TextFile decode(Path file, byte[] bytes) {
        int start = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            start = 3;
        }
        for (int i = start; i < bytes.length; i++) { // the whole file: a NUL block deep inside is a damaged export (issue 10)
            if (bytes[i] == 0) {
                throw new DataFormatException(file, "byte " + i, i < (1 << 20)
                        ? "contains NUL bytes: this is a binary file, expected a text export (UTF-8 or latin-1)"
                        : "contains NUL bytes after " + i + " bytes of text: a damaged block, expected a text export (UTF-8 or latin-1)");
            }
        }
        Charset cs = StandardCharsets.UTF_8;
        String text;
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer cb = dec.decode(ByteBuffer.wrap(bytes, start, bytes.length - start));
            text = cb.toString();
        } catch (CharacterCodingException e) {
            cs = StandardCharsets.ISO_8859_1;
            text = new String(bytes, start, bytes.length - start, cs);
        }
        return new TextFile(file, cs, splitLines(text));
    }

    static List<String> splitLines(String text) {
        List<String> out = new ArrayList<>(Math.max(16, text.length() / 40));
        int n = text.length();
        int from = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                out.add(text.substring(from, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                from = i + 1;
            }
        }
        if (from < n) {
            out.add(text.substring(from));
        }
        return out;
    }

    /** @return the number of lines. */
    public int size() {
        return lines.size();
    }

    /** @return line {@code index} (0-based). */
    public String line(int index) {
        return lines.get(index);
    }

    /** @return whether the last line lacked a line terminator (a file possibly cut mid-row). */
    public static boolean endsWithoutNewline(Path file) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            return false;
        }
        try (var ch = Files.newByteChannel(file)) {
            ch.position(size - 1);
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b);
            byte last = b.get(0);
            return last != '\n' && last != '\r';
        }
    }
}
