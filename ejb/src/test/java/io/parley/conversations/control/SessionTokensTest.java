package io.parley.conversations.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionTokensTest {

    @Test
    void aTokenCarries256RandomBits() {
        String token = SessionTokens.issue();
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
        Set<String> many = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            many.add(SessionTokens.issue());
        }
        assertThat(many).hasSize(1000);
    }

    @Test
    void theHashIsNotTheTokenAndMatchesOnlyThatToken() {
        String token = SessionTokens.issue();
        String hash = SessionTokens.hash(token);
        assertThat(hash).hasSize(64).doesNotContain(token);
        assertThat(SessionTokens.matches(token, hash)).isTrue();
        assertThat(SessionTokens.matches(SessionTokens.issue(), hash)).isFalse();
        assertThat(SessionTokens.matches(null, hash)).isFalse();
        assertThat(SessionTokens.matches(token.substring(1), hash)).isFalse();
    }
}
