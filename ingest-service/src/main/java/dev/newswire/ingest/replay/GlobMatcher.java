package dev.newswire.ingest.replay;

import java.util.ArrayList;
import java.util.List;

/**
 * File-name globs ({@code *}, {@code ?}, {@code [abc]}, {@code [a-z]}, {@code [!x]}, {@code {a,b}},
 * {@code \} to escape) matched without backtracking.
 * <p>
 * Hand-written because the JDK's {@code glob:} matcher compiles to a backtracking regex: a glob
 * like {@code *a*a*a*a*a*b} against a long file name kept a worker busy for over a minute of CPU.
 * Here a glob becomes a list of tokens and matching keeps the <em>set</em> of token positions
 * reachable after each character of the name (a Thompson-style NFA simulation): time is
 * O(name length x glob length) whatever the glob, and no state is ever revisited.
 * Braces are expanded up front into at most {@value #MAX_ALTERNATIVES} alternatives (no nesting).
 */
final class GlobMatcher {

    static final int MAX_ALTERNATIVES = 32;

    private sealed interface Token permits Star, AnyOne, Literal, CharClass {
    }

    private record Star() implements Token {
    }

    private record AnyOne() implements Token {
    }

    private record Literal(char c) implements Token {
    }

    private record CharClass(String members, boolean negated) implements Token {

        boolean matches(char c) {
            boolean in = false;
            for (int i = 0; i < members.length(); i++) {
                if (i + 2 < members.length() && members.charAt(i + 1) == '-') {
                    in |= c >= members.charAt(i) && c <= members.charAt(i + 2);
                    i += 2;
                } else {
                    in |= c == members.charAt(i);
                }
            }
            return in != negated;
        }
    }

    private final List<Token[]> alternatives;

    private GlobMatcher(List<Token[]> alternatives) {
        this.alternatives = alternatives;
    }

    /** Parses {@code glob}; throws {@link IllegalArgumentException} for an unclosed [ or {. */
    static GlobMatcher of(String glob) {
        List<Token[]> alternatives = new ArrayList<>();
        for (String alternative : expandBraces(glob)) {
            alternatives.add(tokens(alternative));
        }
        return new GlobMatcher(alternatives);
    }

    boolean matches(String name) {
        for (Token[] tokens : alternatives) {
            if (matches(tokens, name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(Token[] tokens, String name) {
        // reachable[i]: the first i tokens can match the name read so far.
        boolean[] reachable = new boolean[tokens.length + 1];
        reachable[0] = true;
        closeOverStars(tokens, reachable);
        for (int at = 0; at < name.length(); at++) {
            char c = name.charAt(at);
            boolean[] next = new boolean[tokens.length + 1];
            boolean any = false;
            for (int i = 0; i < tokens.length; i++) {
                if (!reachable[i]) {
                    continue;
                }
                Token token = tokens[i];
                if (token instanceof Star) {
                    next[i] = true; // the star swallows c and stays
                    any = true;
                } else if (token instanceof AnyOne
                        || token instanceof Literal literal && literal.c() == c
                        || token instanceof CharClass chars && chars.matches(c)) {
                    next[i + 1] = true;
                    any = true;
                }
            }
            if (!any) {
                return false;
            }
            closeOverStars(tokens, next);
            reachable = next;
        }
        return reachable[tokens.length];
    }

    /** A star may match nothing: whoever reaches it also reaches the token after it. */
    private static void closeOverStars(Token[] tokens, boolean[] reachable) {
        for (int i = 0; i < tokens.length; i++) {
            if (reachable[i] && tokens[i] instanceof Star) {
                reachable[i + 1] = true;
            }
        }
    }

    private static Token[] tokens(String glob) {
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> {
                    if (tokens.isEmpty() || !(tokens.get(tokens.size() - 1) instanceof Star)) {
                        tokens.add(new Star());
                    }
                }
                case '?' -> tokens.add(new AnyOne());
                case '\\' -> {
                    if (++i >= glob.length()) {
                        throw new IllegalArgumentException("the glob ends with a lone \\");
                    }
                    tokens.add(new Literal(glob.charAt(i)));
                }
                case '[' -> {
                    int end = glob.indexOf(']', i + 2);
                    if (end < 0) {
                        throw new IllegalArgumentException("the glob has a [ without ]");
                    }
                    boolean negated = glob.charAt(i + 1) == '!' || glob.charAt(i + 1) == '^';
                    tokens.add(new CharClass(glob.substring(negated ? i + 2 : i + 1, end), negated));
                    i = end;
                }
                default -> tokens.add(new Literal(c));
            }
        }
        return tokens.toArray(Token[]::new);
    }

    private static List<String> expandBraces(String glob) {
        List<String> done = new ArrayList<>();
        List<String> pending = new ArrayList<>(List.of(glob));
        while (!pending.isEmpty()) {
            String next = pending.remove(pending.size() - 1);
            int open = unescaped(next, '{', 0);
            if (open < 0) {
                done.add(next);
                continue;
            }
            int close = unescaped(next, '}', open + 1);
            if (close < 0) {
                throw new IllegalArgumentException("the glob has a { without }");
            }
            String inner = next.substring(open + 1, close);
            if (inner.indexOf('{') >= 0) {
                throw new IllegalArgumentException("nested { } in a glob are not supported");
            }
            for (String choice : inner.split(",", -1)) {
                pending.add(next.substring(0, open) + choice + next.substring(close + 1));
            }
            if (done.size() + pending.size() > MAX_ALTERNATIVES) {
                throw new IllegalArgumentException("the glob's { } expand to more than " + MAX_ALTERNATIVES + " patterns");
            }
        }
        return done;
    }

    private static int unescaped(String text, char wanted, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == wanted) {
                return i;
            }
        }
        return -1;
    }
}
