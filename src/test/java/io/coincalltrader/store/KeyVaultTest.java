package io.coincalltrader.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyVaultTest {
    @TempDir
    Path dir;

    private final ApiKeys keys = new ApiKeys("AK-1234567890-XYZW", "s3cr3t-value-that-must-not-leak");

    @Test
    void keysAreEncryptedAtRestReadableOnlyByTheOwnerAndOpenWithThePassphrase() throws Exception {
        KeyVault vault = new KeyVault(dir, 1_000);
        vault.save("testnet", keys, "correct horse".toCharArray());

        String onDisk = Files.readString(vault.file("testnet"));
        assertThat(onDisk).doesNotContain(keys.apiSecret()).doesNotContain(keys.apiKey()).contains("\"maskedKey\":\"AK-1…XYZW\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(vault.file("testnet")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keys")))).isEqualTo("rwx------");
        assertThat(vault.open("testnet", "correct horse".toCharArray())).isEqualTo(keys);
        assertThat(vault.maskedKey("testnet")).contains("AK-1…XYZW");
        assertThat(keys.toString()).doesNotContain(keys.apiSecret()).doesNotContain(keys.apiKey());
    }

    @Test
    void aWrongPassphraseOrAnotherProfilesFileIsRefused() throws Exception {
        KeyVault vault = new KeyVault(dir, 1_000);
        vault.save("production", keys, "correct horse".toCharArray());
        assertThatThrownBy(() -> vault.open("production", "wrong horse".toCharArray())).isInstanceOf(KeyVault.WrongPassphraseException.class);
        // The profile is authenticated too: the production file copied over testnet's does not open as testnet.
        Files.createDirectories(vault.file("testnet").getParent());
        Files.copy(vault.file("production"), vault.file("testnet"));
        assertThatThrownBy(() -> vault.open("testnet", "correct horse".toCharArray())).isInstanceOf(KeyVault.WrongPassphraseException.class);
    }

    @Test
    void aShortPassphraseIsRefusedWithTheReason() {
        assertThatThrownBy(() -> new KeyVault(dir, 1_000).save("testnet", keys, "short".toCharArray()))
                .hasMessageContaining("at least 8 characters");
        assertThat(new KeyVault(dir).exists("testnet")).isFalse();
    }
}
