package org.cathodekit.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cathodekit.core.DataFormatException;

/**
 * A reader of the Perl data literals that Demeter's {@code Data::Dumper} writes into Athena projects
 * (nothing is evaluated): statements {@code $name = VALUE;}, {@code @name = (LIST);}, {@code %name = (LIST);}
 * where a value is a quoted string, a number or bareword ({@code undef} gives null), an array
 * {@code [ ... ]}, a hash {@code { k => v, ... }}, a list {@code ( ... )} or {@code bless( VALUE, 'Class' )}
 * (the blessed value). Lines such as {@code [record]} and {@code 1;} outside assignments are skipped, and
 * so is an assignment of code (a call such as {@code system("...")}, as larch's {@code danger.prj} holds);
 * {@code #} starts a comment outside strings. Hand-written: no maintained Java library reads Perl data dumps.
 *
 * <p>Values come back as {@link String}, {@link List} or {@link Map} (insertion-ordered).
 */
final class PerlDataTokens {
    /** One assignment: sigil ({@code $}, {@code @}, {@code %}), name and value. */
    record Assignment(char sigil, String name, Object value, int line) {
    }

    private final Path file;
    private final String s;
    private int pos;
    private int line = 1;

    private PerlDataTokens(Path file, String text) {
        this.file = file;
        this.s = text;
    }

    /** A value that is code, not data (a call such as {@code system("...")}): the statement is skipped, never run. */
    private static final class NotData extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotData(String what) {
            super(what, null, false, false);
        }
    }

    /** All top-level assignments of the text, in order; statements holding code are skipped and listed in {@code skipped}. */
    static List<Assignment> assignments(Path file, String text, List<String> skipped) {
        PerlDataTokens t = new PerlDataTokens(file, text);
        List<Assignment> out = new ArrayList<>();
        while (true) {
            t.skipSpace();
            if (t.pos >= t.s.length()) {
                return out;
            }
            char c = t.s.charAt(t.pos);
            if ((c == '$' || c == '@' || c == '%') && t.pos + 1 < t.s.length() && isWord(t.s.charAt(t.pos + 1))) {
                int at = t.line;
                t.pos++;
                String name = t.word();
                t.skipSpace();
                if (t.peek() != '=') {
                    t.skipStatement();
                    continue;
                }
                t.pos++;
                Object v;
                try {
                    v = t.value();
                } catch (NotData e) {
                    skipped.add("line " + at + ": " + c + name + " = " + e.getMessage() + "(...) is code, not data: skipped, never evaluated");
                    t.skipStatement();
                    continue;
                }
                t.skipSpace();
                if (t.peek() == ';') {
                    t.pos++;
                } else {
                    throw t.error("expected ';' after the value of " + c + name);
                }
                out.add(new Assignment(c, name, v, at));
            } else {
                t.skipStatement();
            }
        }
    }

    private DataFormatException error(String what) {
        return new DataFormatException(file, "line " + line + " of the uncompressed project", what + " (Perl data literal)");
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '+' || c == ':';
    }

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '#') {
                while (pos < s.length() && s.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    /** Skips to just after the next ';' or end of line outside strings (markers such as {@code [record]}). */
    private void skipStatement() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '\'' || c == '"') {
                string();
                continue;
            }
            pos++;
            if (c == ';') {
                return;
            }
            if (c == '\n') {
                line++;
                return;
            }
        }
    }

    private String word() {
        int b = pos;
        while (pos < s.length() && isWord(s.charAt(pos))) {
            pos++;
        }
        return s.substring(b, pos);
    }

    private String string() {
        char q = s.charAt(pos++);
        StringBuilder sb = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '\n') {
                line++;
            }
            if (c == '\\' && pos < s.length()) {
                char n = s.charAt(pos++);
                if (q == '\'' && n != '\'' && n != '\\') {
                    sb.append('\\');
                }
                sb.append(q == '"' && n == 'n' ? '\n' : q == '"' && n == 't' ? '\t' : n);
                continue;
            }
            if (c == q) {
                return sb.toString();
            }
            sb.append(c);
        }
        throw error("unterminated " + q + "-quoted string");
    }

    private Object value() {
        skipSpace();
        char c = peek();
        if (c == '\'' || c == '"') {
            return string();
        }
        if (c == '(' || c == '[') {
            pos++;
            return list(c == '(' ? ')' : ']');
        }
        if (c == '{') {
            pos++;
            List<Object> kv = list('}');
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i + 1 < kv.size(); i += 2) {
                m.put(String.valueOf(kv.get(i)), kv.get(i + 1));
            }
            return m;
        }
        if (c == '\\') {
            // a reference to a value: \'x', \@a
            pos++;
            return value();
        }
        if (isWord(c)) {
            String w = word();
            if (w.equals("bless")) {
                skipSpace();
                if (peek() == '(') {
                    pos++;
                    List<Object> args = list(')');
                    return args.isEmpty() ? null : args.get(0);
                }
            }
            skipSpace();
            if (peek() == '(' && !w.isEmpty() && Character.isLetter(w.charAt(0))) {
                throw new NotData(w);
            }
            return w.equals("undef") ? null : w;
        }
        throw error("unexpected '" + c + "'; expected a string, number, (list), [array], {hash} or bless(...)");
    }

    private List<Object> list(char close) {
        List<Object> out = new ArrayList<>();
        while (true) {
            skipSpace();
            char c = peek();
            if (c == close) {
                pos++;
                return out;
            }
            if (c == '\0') {
                throw error("end of file inside a list; expected '" + close + "'");
            }
            out.add(value());
            skipSpace();
            c = peek();
            if (c == ',') {
                pos++;
            } else if (c == '=' && pos + 1 < s.length() && s.charAt(pos + 1) == '>') {
                pos += 2;
            } else if (c != close) {
                throw error("unexpected '" + c + "' in a list; expected ',', '=>' or '" + close + "'");
            }
        }
    }
}
