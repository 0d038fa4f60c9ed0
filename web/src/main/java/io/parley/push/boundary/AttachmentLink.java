package io.parley.push.boundary;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How an attachment is named on the wire: {@code /api/chat/attachments/{id}}, in messages and in {@code user_message}. */
public final class AttachmentLink {

    private static final String PREFIX = "/api/chat/attachments/";
    private static final Pattern LINK = Pattern.compile("(?:.*)" + Pattern.quote(PREFIX) + "([0-9a-f-]{36})");

    private AttachmentLink() {
    }

    public static String url(String attachmentId) {
        return PREFIX + attachmentId;
    }

    /** The attachment a {@code user_message}'s {@code attachmentUrl} names, relative or absolute. */
    public static Optional<String> id(String url) {
        if (url == null) {
            return Optional.empty();
        }
        Matcher link = LINK.matcher(url);
        return link.matches() ? Optional.of(link.group(1)) : Optional.empty();
    }
}
