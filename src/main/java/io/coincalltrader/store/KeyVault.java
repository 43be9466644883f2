package io.coincalltrader.store;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * API keys at rest, one file per profile in {@code <data>/keys/}, encrypted with a passphrase the trader chooses:
 * PBKDF2-HMAC-SHA256 (600,000 iterations, 16-byte salt) derives an AES-256 key; AES-GCM (12-byte nonce) encrypts
 * and authenticates the key and secret. Nothing is stored in plain text; on POSIX systems the folder is 0700 and
 * the files 0600. A wrong passphrase (or a tampered file) is refused, never half-decrypted.
 */
public final class KeyVault {
    static final int ITERATIONS = 600_000;
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Path folder;
    private final int iterations;

    public KeyVault(Path dataDirectory) {
        this(dataDirectory, ITERATIONS);
    }

    KeyVault(Path dataDirectory, int iterations) {
        this.folder = dataDirectory.resolve("keys");
        this.iterations = iterations;
    }

    /** Thrown when the passphrase does not open the file. */
    public static final class WrongPassphraseException extends Exception {
        WrongPassphraseException() {
            super("The passphrase does not open these keys");
        }
    }

    public boolean exists(String profile) {
        return Files.isRegularFile(file(profile));
    }

    /** The saved key's masked form (readable without the passphrase), if any. */
    public Optional<String> maskedKey(String profile) {
        if (!exists(profile)) {
            return Optional.empty();
        }
        return Optional.of(read(profile).get("maskedKey").getAsString());
    }

    public void save(String profile, ApiKeys keys, char[] passphrase) {
        if (passphrase == null || passphrase.length < 8) {
            throw new IllegalArgumentException("The passphrase needs at least 8 characters");
        }
        byte[] salt = bytes(16);
        byte[] nonce = bytes(12);
        JsonObject plain = new JsonObject();
        plain.addProperty("apiKey", keys.apiKey());
        plain.addProperty("apiSecret", keys.apiSecret());
        byte[] clear = plain.toString().getBytes(StandardCharsets.UTF_8);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, derive(passphrase, salt, iterations), new GCMParameterSpec(128, nonce));
            c.updateAAD(profile.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(clear);
            JsonObject out = new JsonObject();
            out.addProperty("version", 1);
            out.addProperty("kdf", "PBKDF2WithHmacSHA256");
            out.addProperty("iterations", iterations);
            out.addProperty("salt", Base64.getEncoder().encodeToString(salt));
            out.addProperty("nonce", Base64.getEncoder().encodeToString(nonce));
            out.addProperty("ciphertext", Base64.getEncoder().encodeToString(sealed));
            out.addProperty("maskedKey", keys.maskedKey());
            write(profile, out.toString());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption is not available in this Java runtime: " + e.getMessage(), e);
        } finally {
            Arrays.fill(clear, (byte) 0);
        }
    }

    public ApiKeys open(String profile, char[] passphrase) throws WrongPassphraseException {
        JsonObject f = read(profile);
        byte[] salt = Base64.getDecoder().decode(f.get("salt").getAsString());
        byte[] nonce = Base64.getDecoder().decode(f.get("nonce").getAsString());
        byte[] sealed = Base64.getDecoder().decode(f.get("ciphertext").getAsString());
        byte[] clear = null;
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, derive(passphrase, salt, f.get("iterations").getAsInt()), new GCMParameterSpec(128, nonce));
            c.updateAAD(profile.getBytes(StandardCharsets.UTF_8));
            clear = c.doFinal(sealed);
            JsonObject plain = JsonParser.parseString(new String(clear, StandardCharsets.UTF_8)).getAsJsonObject();
            return new ApiKeys(plain.get("apiKey").getAsString(), plain.get("apiSecret").getAsString());
        } catch (AEADBadTagException e) {
            throw new WrongPassphraseException();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Decryption is not available in this Java runtime: " + e.getMessage(), e);
        } finally {
            if (clear != null) {
                Arrays.fill(clear, (byte) 0);
            }
        }
    }

    public void delete(String profile) {
        try {
            Files.deleteIfExists(file(profile));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the keys of " + profile, e);
        }
    }

    Path file(String profile) {
        if (!profile.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("bad profile name: " + profile);
        }
        return folder.resolve(profile + ".key");
    }

    private static SecretKeySpec derive(char[] passphrase, byte[] salt, int iterations) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
        try {
            return new SecretKeySpec(SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded(), "AES");
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private JsonObject read(String profile) {
        try {
            return JsonParser.parseString(Files.readString(file(profile))).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the keys of " + profile, e);
        }
    }

    private void write(String profile, String text) {
        try {
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder);
            }
            if (posix) {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            }
            Path tmp = folder.resolve(profile + ".key.tmp");
            Files.deleteIfExists(tmp);
            if (posix) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(tmp);
            }
            Files.writeString(tmp, text);
            try {
                Files.move(tmp, file(profile), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file(profile), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the keys of " + profile, e);
        }
    }
}
