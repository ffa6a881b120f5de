package org.openedx.suite.sandbox.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;

/** Whether an {@code Authorization} header carries a provider's API key, the way that provider wants it sent. */
public final class ApiKeys {

    private static final String BASIC = "basic ";
    private static final String TOKEN = "token token=";
    private static final String BEARER = "bearer ";

    private ApiKeys() {
    }

    /**
     * HTTP Basic with the key as the user and an empty password (Credly's way: {@code base64(key + ":")}), or with
     * the key alone ({@code base64(key)}, what Open edX credentials' Credly client sends).
     */
    public static boolean basic(String authorization, String apiKey) {
        String decoded = decodedBasic(authorization);
        return decoded != null && (same(decoded, apiKey + ":") || same(decoded, apiKey));
    }

    /** HTTP Basic with this user and password ({@code base64(user + ":" + password)}). */
    public static boolean basic(String authorization, String user, String password) {
        String decoded = decodedBasic(authorization);
        return decoded != null && same(decoded, user + ":" + password);
    }

    /** {@code Token token=<key>} or {@code Token token="<key>"} (Accredible's way), or {@code Bearer <key>}. */
    public static boolean token(String authorization, String apiKey) {
        String token = credentials(authorization, TOKEN);
        if (token == null) {
            token = credentials(authorization, BEARER);
        }
        if (token == null) {
            return false;
        }
        token = token.strip();
        if (token.length() >= 2 && token.startsWith("\"") && token.endsWith("\"")) {
            token = token.substring(1, token.length() - 1);
        }
        return same(token, apiKey);
    }

    /** The {@code user:password} of HTTP Basic, decoded; null for another scheme, no header or no base64. */
    private static String decodedBasic(String authorization) {
        String credentials = credentials(authorization, BASIC);
        if (credentials == null) {
            return null;
        }
        try {
            return new String(Base64.getDecoder().decode(credentials.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** What follows the scheme (matched ignoring case); null for another scheme or no header. */
    private static String credentials(String authorization, String scheme) {
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(scheme)) {
            return null;
        }
        return authorization.substring(scheme.length());
    }

    /** Compared in constant time, as a key should be. */
    private static boolean same(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
