package io.parley.identity.control;

import io.parley.platform.entity.Refusal;
import io.parley.platform.entity.Texts;
import java.util.Locale;
import java.util.regex.Pattern;

/** Email addresses as login names: trimmed, lower case, one {@code @}, a dot in the domain, at most 254 characters. */
public final class Emails {

    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");
    static final int MAX_LENGTH = 254;

    private Emails() {
    }

    /** @throws Refusal when it is not an email address */
    public static String normalize(String email) {
        String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (normalized.length() > MAX_LENGTH || !SHAPE.matcher(normalized).matches()) {
            throw new Refusal(Refusal.Kind.INVALID, "'" + Texts.cut(email == null ? "" : email, 61) + "' is not an email address");
        }
        return normalized;
    }
}
