package io.parley.secrets.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.secrets.entity.SecretsException;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

    private static final MasterKey KEY = MasterKey.fromBase64(Base64.getEncoder().encodeToString(new byte[32]));
    private static final MasterKey OTHER_KEY = MasterKey.fromBase64(Base64.getEncoder().encodeToString("another key of thirty-two bytes!".getBytes()));

    @Test
    void opensWhatItSealedAndTheSealedFormHidesThePlaintext() {
        Envelope envelope = new Envelope(KEY);
        String sealed = envelope.seal("sk-live-1234567890");
        assertThat(sealed).startsWith("v1:" + KEY.id() + ":").doesNotContain("sk-live");
        assertThat(envelope.openText(sealed)).isEqualTo("sk-live-1234567890");
    }

    @Test
    void everyRecordGetsItsOwnDataKeyAndNonce() {
        Envelope envelope = new Envelope(KEY);
        String first = envelope.seal("same text");
        String second = envelope.seal("same text");
        assertThat(first.split(":")[2]).isNotEqualTo(second.split(":")[2]);
        assertThat(first.split(":")[3]).isNotEqualTo(second.split(":")[3]);
    }

    @Test
    void aWrongMasterKeyIsReportedAsSuch() {
        String sealed = new Envelope(KEY).seal("secret");
        assertThatThrownBy(() -> new Envelope(OTHER_KEY).open(sealed))
                .isInstanceOf(SecretsException.class)
                .hasMessageContaining("sealed with master key " + KEY.id())
                .hasMessageContaining("MASTER_KEY_BASE64");
    }

    @Test
    void alteredDataOrARelabelledKeyIdIsRefused() {
        Envelope envelope = new Envelope(KEY);
        String[] parts = envelope.seal("secret").split(":");
        char[] data = parts[3].toCharArray();
        data[data.length / 2] = data[data.length / 2] == 'A' ? 'B' : 'A';
        String altered = String.join(":", parts[0], parts[1], parts[2], new String(data));
        assertThatThrownBy(() -> envelope.open(altered)).isInstanceOf(SecretsException.class).hasMessageContaining("altered");

        String underOtherId = new Envelope(OTHER_KEY).seal("x");
        String moved = String.join(":", "v1", KEY.id(), underOtherId.split(":")[2], underOtherId.split(":")[3]);
        assertThatThrownBy(() -> envelope.open(moved)).isInstanceOf(SecretsException.class);
    }

    @Test
    void somethingThatIsNotSealedDataIsRefusedClearly() {
        assertThatThrownBy(() -> new Envelope(KEY).open("plain text")).isInstanceOf(SecretsException.class)
                .hasMessageContaining("not data sealed by Parley");
    }
}
