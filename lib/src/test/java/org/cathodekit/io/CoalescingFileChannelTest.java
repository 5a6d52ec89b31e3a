package org.cathodekit.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CoalescingFileChannel} against a plain {@link FileChannel} doing the same calls: random mixes
 * of sequential writes, positional writes (back-patching, overwrites, gaps), writes larger than the
 * buffer, position moves, size queries and reads in between. The files must be byte-identical and
 * every returned value equal.
 */
class CoalescingFileChannelTest {
    @TempDir
    Path dir;

    @Test
    void everyCallSequenceGivesTheBytesAndAnswersOfAPlainChannel() throws Exception {
        for (int seed = 0; seed < 40; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            int bufferBytes = 1 + r.nextInt(200);
            Path a = dir.resolve("plain-" + seed);
            Path b = dir.resolve("gathered-" + seed);
            try (FileChannel plain = FileChannel.open(a, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                 FileChannel gathered = new CoalescingFileChannel(
                         FileChannel.open(b, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE), bufferBytes)) {
                for (int op = 0; op < 300; op++) {
                    int kind = r.nextInt(10);
                    byte[] data = new byte[r.nextInt(r.nextInt(10) == 0 ? 3 * bufferBytes + 2 : 40) + 1];
                    r.nextBytes(data);
                    String where = "seed " + seed + " op " + op + " kind " + kind;
                    if (kind <= 4) {
                        assertEquals(plain.write(ByteBuffer.wrap(data)), gathered.write(ByteBuffer.wrap(data)), where);
                    } else if (kind <= 6) {
                        long at = r.nextLong(plain.size() + 50);
                        assertEquals(plain.write(ByteBuffer.wrap(data), at), gathered.write(ByteBuffer.wrap(data), at), where);
                    } else if (kind == 7) {
                        long at = r.nextLong(plain.size() + 10);
                        plain.position(at);
                        gathered.position(at);
                    } else if (kind == 8) {
                        long at = r.nextLong(plain.size() + 5);
                        ByteBuffer x = ByteBuffer.allocate(data.length);
                        ByteBuffer y = ByteBuffer.allocate(data.length);
                        assertEquals(plain.read(x, at), gathered.read(y, at), where);
                        assertArrayEquals(x.array(), y.array(), where);
                    }
                    assertEquals(plain.size(), gathered.size(), where);
                    assertEquals(plain.position(), gathered.position(), where);
                }
            }
            assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), "seed " + seed);
        }
    }
}
