package io.parley.identity.boundary;

/** Claims of Parley's console tokens beyond the standard ones. */
public final class TokenClaims {

    /** The user's token version when the token was issued; a token with an older one has been revoked. */
    public static final String VERSION = "ver";

    private TokenClaims() {
    }
}
