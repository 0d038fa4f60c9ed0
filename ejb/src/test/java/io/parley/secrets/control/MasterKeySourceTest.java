package io.parley.secrets.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.parley.secrets.entity.SecretsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeySourceTest {

    private static final String CONFIGURED = Base64.getEncoder().encodeToString(new byte[32]);

    @TempDir
    Path dataDir;

    @Test
    void theConfiguredKeyWinsAndNoFileIsWritten() {
        var resolved = MasterKeySource.resolve(Optional.of(CONFIGURED), true, dataDir);
        assertThat(resolved.key().id()).isEqualTo(MasterKey.fromBase64(CONFIGURED).id());
        assertThat(resolved.createdFile()).isEmpty();
        assertThat(dataDir.resolve(MasterKeySource.KEY_FILE)).doesNotExist();
    }

    @Test
    void theEmbeddedDatabaseGetsAKeyFileOnceOnlyItsOwnerCanRead() throws Exception {
        var first = MasterKeySource.resolve(Optional.empty(), true, dataDir);
        Path file = dataDir.resolve(MasterKeySource.KEY_FILE);
        assertThat(first.createdFile()).contains(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

        var again = MasterKeySource.resolve(Optional.of(" "), true, dataDir);
        assertThat(again.createdFile()).isEmpty();
        assertThat(again.key().id()).isEqualTo(first.key().id());
    }

    @Test
    void aDatabaseServerWithoutAKeyIsRefusedWithHowToCreateOne() {
        assertThatThrownBy(() -> MasterKeySource.resolve(Optional.empty(), false, dataDir))
                .isInstanceOf(SecretsException.class)
                .hasMessageContaining("openssl rand -base64 32")
                .hasMessageContaining("MASTER_KEY_BASE64");
        assertThat(dataDir.resolve(MasterKeySource.KEY_FILE)).doesNotExist();
    }

    @Test
    void aKeyOfTheWrongSizeOrNotBase64IsNamedAsSuch() {
        assertThatThrownBy(() -> MasterKeySource.resolve(Optional.of("c2hvcnQ="), false, dataDir))
                .isInstanceOf(SecretsException.class).hasMessageContaining("must hold 32 bytes, it holds 5");
        assertThatThrownBy(() -> MasterKeySource.resolve(Optional.of("not base64!"), false, dataDir))
                .isInstanceOf(SecretsException.class).hasMessageContaining("is not base64");
    }
}
