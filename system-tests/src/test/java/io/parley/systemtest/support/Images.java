package io.parley.systemtest.support;

import java.util.Base64;

/** Images for the tests that send some. */
public final class Images {

    /** A real 1x1 PNG. */
    public static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private Images() {
    }
}
