package org.cathodekit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

/** Field splitting by the CSV library: empty fields, blanks inside fields, quotes, '#', threads. */
class DelimitedSplitTest {

    @Test
    void emptyFieldsAndBlanksInsideFieldsSurvive() {
        assertEquals(List.of("a", "", "b", ""), Delimited.split("a\t\tb\t", '\t'));
        assertEquals(List.of("1", "0d 00:00:5", "C"), Delimited.split("1\t  0d 00:00:5\tC", '\t'));
        assertEquals(List.of("", "", "12", "00:00:02"), Delimited.split(",,12,00:00:02", ','));
        assertEquals(List.of("#1", "x"), Delimited.split("#1;x", ';'), "'#' is data, not a comment");
        assertEquals(List.of(""), Delimited.split("", ','));
        assertEquals(List.of("a\tb", "c"), Delimited.split("\"a\tb\"\tc", '\t'), "quoted delimiter");
    }

    @Test
    void identicalFromManyThreads() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            lines.add(i + ",\"q," + i + "\"," + (i * 0.5));
        }
        ExecutorService ex = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<List<String>>>> fs = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                fs.add(ex.submit(() -> {
                    List<List<String>> out = new ArrayList<>();
                    for (String l : lines) {
                        out.add(Delimited.split(l, ','));
                    }
                    return out;
                }));
            }
            List<List<String>> first = fs.get(0).get();
            for (Future<List<List<String>>> f : fs) {
                assertEquals(first, f.get());
            }
            assertEquals(List.of("7", "q,7", "3.5"), first.get(7));
        } finally {
            ex.shutdown();
        }
    }
}
