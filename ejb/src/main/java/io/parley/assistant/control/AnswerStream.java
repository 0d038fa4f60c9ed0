package io.parley.assistant.control;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the raw deltas of a structured reply ({@link ReplyFormat}) into the deltas of its answer as they arrive, so the
 * visitor reads the answer token by token rather than JSON. A reply that starts with neither a brace nor a code fence
 * is a model ignoring the format, and passes through as it is. (Jackson's incremental parser hands out whole strings
 * only, so the answer's string is decoded here, escapes split across deltas included.) The stored answer is read from
 * the whole reply afterwards and is what counts.
 */
public final class AnswerStream implements Consumer<String> {

    private static final Pattern ANSWER_KEY = Pattern.compile("\"answer\"\\s*:\\s*\"");

    private final Consumer<String> visitor;
    private final StringBuilder pending = new StringBuilder();
    private State state = State.UNKNOWN;

    public AnswerStream(Consumer<String> visitor) {
        this.visitor = visitor;
    }

    @Override
    public void accept(String delta) {
        pending.append(delta);
        if (state == State.UNKNOWN) {
            String start = pending.toString().stripLeading();
            if (start.isEmpty()) {
                return;
            }
            state = start.startsWith("{") || start.startsWith("`") ? State.SEEKING : State.PROSE;
        }
        switch (state) {
            case PROSE -> {
                visitor.accept(pending.toString());
                pending.setLength(0);
            }
            case SEEKING -> seek();
            case ANSWER -> decode();
            default -> pending.setLength(0);
        }
    }

    private void seek() {
        Matcher key = ANSWER_KEY.matcher(pending);
        if (key.find()) {
            pending.delete(0, key.end());
            state = State.ANSWER;
            decode();
        }
    }

    /** Passes on the answer's characters up to its closing quote, keeping an escape that is not complete yet. */
    private void decode() {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < pending.length()) {
            char c = pending.charAt(i);
            if (c == '"') {
                state = State.DONE;
                break;
            }
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= pending.length()) {
                break;
            }
            char escaped = pending.charAt(i + 1);
            if (escaped == 'u') {
                if (i + 6 > pending.length()) {
                    break;
                }
                out.append(unicode(pending.substring(i + 2, i + 6)));
                i += 6;
                continue;
            }
            out.append(switch (escaped) {
                case 'n' -> '\n';
                case 't' -> '\t';
                case 'r' -> '\r';
                case 'b' -> '\b';
                case 'f' -> '\f';
                default -> escaped;
            });
            i += 2;
        }
        pending.delete(0, state == State.DONE ? pending.length() : i);
        if (!out.isEmpty()) {
            visitor.accept(out.toString());
        }
    }

    private static char unicode(String hex) {
        try {
            return (char) Integer.parseInt(hex, 16);
        } catch (NumberFormatException notHex) {
            return '\uFFFD';
        }
    }

    private enum State {
        UNKNOWN, PROSE, SEEKING, ANSWER, DONE
    }
}
