package io.parley.platform.entity;

/** Text as it fits a column or a line. */
public final class Texts {

    private Texts() {
    }

    /**
     * {@code value} if it has at most {@code max} characters, otherwise its start and "…", {@code max} characters in
     * all, never cutting a character in two (a surrogate pair stays whole or goes).
     */
    public static String cut(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        int end = max - 1;
        if (Character.isLowSurrogate(value.charAt(end)) || Character.isHighSurrogate(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(0, end) + "…";
    }
}
