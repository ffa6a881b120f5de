package org.openedx.suite.lms.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;

/** The LMS's signing key from a file: one RSA JSON Web Key with its private part and a key id. */
final class SigningKeyFile {

    private SigningKeyFile() {
    }

    static RSAKey read(Path file) {
        String json;
        try {
            json = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException("SUITE_SIGNING_KEY_FILE " + file + " cannot be read: " + e.getMessage(), e);
        }
        try {
            if (JWK.parse(json) instanceof RSAKey key && key.isPrivate() && key.getKeyID() != null) {
                return key;
            }
        } catch (ParseException e) {
            throw new IllegalStateException("SUITE_SIGNING_KEY_FILE " + file + " is not a JSON Web Key: "
                    + e.getMessage(), e);
        }
        throw new IllegalStateException("SUITE_SIGNING_KEY_FILE " + file + " must hold an RSA key with its private "
                + "part and a key id (\"kid\")");
    }
}
