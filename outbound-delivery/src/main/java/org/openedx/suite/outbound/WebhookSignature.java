package org.openedx.suite.outbound;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signatures as the Standard Webhooks specification has them (standardwebhooks.com): headers {@code webhook-id},
 * {@code webhook-timestamp} (Unix seconds) and {@code webhook-signature} = {@code v1,} + Base64 of HMAC-SHA256 over
 * {@code id.timestamp.body}, keyed with the secret (a {@code whsec_} secret is Base64 after its prefix; any other is
 * taken as its UTF-8 bytes). Used to sign what the suite sends and to check what external systems call back with.
 */
public final class WebhookSignature {

    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";
    /** How far a signed timestamp may be from now before the request is taken for a replay. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final byte[] key;

    public WebhookSignature(String secret) {
        this.key = secret.startsWith("whsec_") ? Base64.getDecoder().decode(secret.substring("whsec_".length()))
                : secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The three headers for a message with this id, sent at {@code at}. */
    public Map<String, String> headers(String id, Instant at, String body) {
        String timestamp = Long.toString(at.getEpochSecond());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ID, id);
        headers.put(TIMESTAMP, timestamp);
        headers.put(SIGNATURE, "v1," + sign(id, timestamp, body));
        return headers;
    }

    /**
     * Whether the headers sign this body with this secret, at a timestamp within {@link #TOLERANCE} of {@code now}.
     * The signature header may list several space-separated signatures (during a secret's rotation); one must match.
     */
    public boolean verifies(String id, String timestamp, String signatures, String body, Instant now) {
        if (id == null || timestamp == null || signatures == null || body == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Duration.between(Instant.ofEpochSecond(seconds), now).abs().compareTo(TOLERANCE) > 0) {
            return false;
        }
        byte[] expected = sign(id, timestamp.trim(), body).getBytes(StandardCharsets.US_ASCII);
        for (String candidate : signatures.trim().split(" +")) {
            if (candidate.startsWith("v1,") && MessageDigest.isEqual(expected,
                    candidate.substring(3).getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    private String sign(String id, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
