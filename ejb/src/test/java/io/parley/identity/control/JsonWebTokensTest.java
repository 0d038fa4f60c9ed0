package io.parley.identity.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWebTokensTest {

    private static final KeyPair KEYS = rsa();
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject claims(long exp) {
        return Json.createObjectBuilder().add("iss", "parley").add("sub", "u1").add("groups", Json.createArrayBuilder().add("agent"))
                .add("exp", exp).build();
    }

    private static JsonObject verify(String token) {
        return JsonWebTokens.verify(token, Map.of("k1", KEYS.getPublic()), "parley", NOW);
    }

    @Test
    void aTokenItSignedVerifiesAndCarriesTheGroups() {
        String token = JsonWebTokens.sign(KEYS.getPrivate(), "k1", claims(NOW.getEpochSecond() + 60));
        assertThat(JsonWebTokens.groups(verify(token))).containsExactly("agent");
    }

    @Test
    void expiredUnknownKeyWrongIssuerAndTamperingAreRejectedWithTheReason() {
        assertThatThrownBy(() -> verify(JsonWebTokens.sign(KEYS.getPrivate(), "k1", claims(NOW.getEpochSecond()))))
                .hasMessage("token expired");
        assertThatThrownBy(() -> verify(JsonWebTokens.sign(KEYS.getPrivate(), "k2", claims(NOW.getEpochSecond() + 60))))
                .hasMessage("token signature invalid");
        assertThatThrownBy(() -> verify(JsonWebTokens.sign(rsa().getPrivate(), "k1", claims(NOW.getEpochSecond() + 60))))
                .hasMessage("token signature invalid");
        JsonObject otherIssuer = Json.createObjectBuilder(claims(NOW.getEpochSecond() + 60)).add("iss", "someone").build();
        assertThatThrownBy(() -> verify(JsonWebTokens.sign(KEYS.getPrivate(), "k1", otherIssuer))).hasMessage("token issuer not accepted");

        String[] parts = JsonWebTokens.sign(KEYS.getPrivate(), "k1", claims(NOW.getEpochSecond() + 60)).split("\\.");
        String admin = encode(Json.createObjectBuilder(claims(NOW.getEpochSecond() + 60)).add("groups", Json.createArrayBuilder().add("admin")).build().toString());
        assertThatThrownBy(() -> verify(parts[0] + "." + admin + "." + parts[2])).hasMessage("token signature invalid");
    }

    @Test
    void anUnsignedOrSymmetricTokenIsNeverAccepted() {
        String payload = encode(claims(NOW.getEpochSecond() + 60).toString());
        assertThatThrownBy(() -> verify(encode("{\"alg\":\"none\",\"kid\":\"k1\"}") + "." + payload + "."))
                .hasMessage("token algorithm not accepted");
        assertThatThrownBy(() -> verify(encode("{\"alg\":\"HS256\",\"kid\":\"k1\"}") + "." + payload + ".c2ln"))
                .hasMessage("token algorithm not accepted");
        assertThatThrownBy(() -> verify("only.two")).hasMessage("token malformed");
        assertThatThrownBy(() -> verify("")).hasMessage("token missing");
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
