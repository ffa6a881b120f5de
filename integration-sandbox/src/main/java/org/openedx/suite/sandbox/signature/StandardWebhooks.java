package org.openedx.suite.sandbox.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com): {@code webhook-signature} is a space-separated
 * list of {@code v1,<base64 of HMAC-SHA256(key, id + "." + timestamp + "." + body)>}, {@code webhook-timestamp} the
 * Unix time in seconds. A secret {@code whsec_<base64>} is the key in base64; any other secret is the key's UTF-8
 * bytes.
 */
public final class StandardWebhooks {

    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";

    /** How far the timestamp may be from now, either way, for the signature to count. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final String PREFIXED_SECRET = "whsec_";
    private static final String VERSION = "v1,";

    private StandardWebhooks() {
    }

    /**
     * The signing key of a secret.
     *
     * @throws IllegalArgumentException when a {@code whsec_} secret is not base64
     */
    public static byte[] key(String secret) {
        if (secret.startsWith(PREFIXED_SECRET)) {
            return Base64.getDecoder().decode(secret.substring(PREFIXED_SECRET.length()));
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code webhook-signature} value for one message: {@code v1,<base64>}. */
    public static String sign(byte[] key, String id, long timestamp, byte[] body) {
        return VERSION + Base64.getEncoder().encodeToString(hmac(key, id, timestamp, body));
    }

    /**
     * Whether the headers sign {@code body} with {@code key}: all three present, the timestamp within
     * {@link #TOLERANCE} of {@code now}, and one of the listed {@code v1} signatures right.
     */
    public static boolean verify(byte[] key, String id, String timestamp, String signatures, byte[] body,
                                 Instant now) {
        if (id == null || timestamp == null || signatures == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return false;
        }
        byte[] expected = hmac(key, id, seconds, body);
        for (String entry : signatures.trim().split("\\s+")) {
            if (entry.startsWith(VERSION) && matches(expected, entry.substring(VERSION.length()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(byte[] expected, String base64) {
        try {
            return MessageDigest.isEqual(expected, Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    private static byte[] hmac(byte[] key, String id, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
