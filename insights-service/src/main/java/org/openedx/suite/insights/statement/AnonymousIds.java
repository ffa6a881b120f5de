package org.openedx.suite.insights.statement;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A learner's name in statements: the first 32 hex digits of HMAC-SHA256(secret, "user:" + user id), as Open edX's
 * anonymous user ids are a keyed hash of the user. Stable for a secret, meaningless without it; never the username or
 * the email.
 */
final class AnonymousIds {

    private final SecretKeySpec key;

    AnonymousIds(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("INSIGHTS_ANONYMOUS_ID_SECRET must not be empty");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    String of(long userId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(("user:" + userId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
