package org.openedx.suite.runner;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Base64;
import java.util.UUID;

/**
 * The LMS's signing key for a suite on this machine ({@code SUITE_SIGNING_KEY_FILE}): an RSA JSON Web Key made once in
 * the data directory and kept there, so that tokens outlive a restart of the LMS. Only the JDK makes it.
 */
final class SigningKey {

    private SigningKey() {
    }

    /** The key file in {@code dataDir}, made (readable by its owner only) if it is not there yet. */
    static Path in(Path dataDir) {
        Path file = dataDir.resolve("identity").resolve("signing-key.json");
        if (Files.isRegularFile(file)) {
            return file;
        }
        return PrivateFiles.write(file, newKey());
    }

    private static String newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
            return "{\"kty\":\"RSA\",\"kid\":\"" + UUID.randomUUID() + "\",\"alg\":\"RS256\",\"use\":\"sig\""
                    + ",\"n\":\"" + b64(key.getModulus()) + "\",\"e\":\"" + b64(key.getPublicExponent())
                    + "\",\"d\":\"" + b64(key.getPrivateExponent()) + "\",\"p\":\"" + b64(key.getPrimeP())
                    + "\",\"q\":\"" + b64(key.getPrimeQ()) + "\",\"dp\":\"" + b64(key.getPrimeExponentP())
                    + "\",\"dq\":\"" + b64(key.getPrimeExponentQ()) + "\",\"qi\":\"" + b64(key.getCrtCoefficient())
                    + "\"}";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Unsigned big-endian bytes, base64url without padding, as RFC 7518 writes key parameters. */
    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
