package org.openedx.suite.sandbox.webhook;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;

/** The webhook receivers' signing keys, by receiver; a receiver without one takes any signature. */
@Service
class Receivers {

    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

    void setKey(String receiver, byte[] key) {
        keys.put(receiver, key.clone());
    }

    Optional<byte[]> key(String receiver) {
        return Optional.ofNullable(keys.get(receiver));
    }
}
