package io.parley.secrets.control;

import io.parley.secrets.entity.SecretsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Where the master key comes from. {@code MASTER_KEY_BASE64} always wins. Without it, the embedded database (a
 * trial on one machine) gets a key file created next to its data, readable only by its owner; a shared database
 * server does not: a key created on one node would be missing on the next, so Parley refuses to start instead.
 */
public final class MasterKeySource {

    static final String KEY_FILE = "master.key";

    private MasterKeySource() {
    }

    /** The master key, and whether it was just created (the caller warns about that, once). */
    public record Resolved(MasterKey key, Optional<Path> createdFile) {
    }

    public static Resolved resolve(Optional<String> configured, boolean embeddedDatabase, Path dataDir) {
        Optional<String> base64 = configured.filter(value -> !value.isBlank());
        if (base64.isPresent()) {
            return new Resolved(MasterKey.fromBase64(base64.get()), Optional.empty());
        }
        if (!embeddedDatabase) {
            throw new SecretsException("Parley keeps secrets in the database encrypted and needs a master key for that: "
                    + MasterKey.HOW_TO_CREATE + " in the environment of every Parley server, the same on every node");
        }
        Path file = dataDir.resolve(KEY_FILE);
        try {
            if (Files.exists(file)) {
                return new Resolved(MasterKey.fromBase64(Files.readString(file, StandardCharsets.US_ASCII)), Optional.empty());
            }
            return new Resolved(MasterKey.fromBase64(create(file)), Optional.of(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the master key file " + file, e);
        }
    }

    private static String create(Path file) throws IOException {
        byte[] bytes = new byte[MasterKey.LENGTH_BYTES];
        new SecureRandom().nextBytes(bytes);
        String base64 = Base64.getEncoder().encodeToString(bytes);
        Files.createDirectories(file.getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException raced) {
            return Files.readString(file, StandardCharsets.US_ASCII);
        }
        Files.writeString(file, base64, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        return base64;
    }
}
