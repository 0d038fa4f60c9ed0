package io.parley.platform.control;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * What kind of image some bytes are, by their signature (the first bytes every such file starts with), whatever name
 * or type they came with: PNG, JPEG, GIF and WebP, the images every browser shows and every provider's vision reads.
 */
public final class ImageTypes {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
    private static final byte[] GIF87 = "GIF87a".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GIF89 = "GIF89a".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RIFF = "RIFF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WEBP = "WEBP".getBytes(StandardCharsets.US_ASCII);
    private static final int WEBP_AT = 8;

    private ImageTypes() {
    }

    public static Optional<String> of(byte[] content) {
        if (startsWith(content, PNG, 0)) {
            return Optional.of("image/png");
        }
        if (startsWith(content, JPEG, 0)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(content, GIF87, 0) || startsWith(content, GIF89, 0)) {
            return Optional.of("image/gif");
        }
        if (startsWith(content, RIFF, 0) && startsWith(content, WEBP, WEBP_AT)) {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] content, byte[] signature, int at) {
        return content.length >= at + signature.length && Arrays.equals(content, at, at + signature.length, signature, 0, signature.length);
    }
}
