package org.perinatalequity.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * HMAC-SHA256 keys for pseudonymising NHS numbers inside DuckDB: {@code sha256(opad || unhex(sha256(ipad || x)))}
 * is RFC 2104's HMAC, computed in SQL so the numbers never pass through Java. The key comes from
 * configuration and is never logged; the same key gives the same pseudonym, so records still link (reference files
 * with person ids, such as the MVP membership list, use it too).
 */
public final class Pseudonymiser {

    private static final int BLOCK = 64;

    private final byte[] innerPad;
    private final byte[] outerPad;

    public Pseudonymiser(String key) {
        if (key == null || key.isBlank()) {
            throw new IngestRefusedException("No pseudonymisation key is configured: set the environment variable "
                    + "EQUITY_INGEST_PSEUDONYMISATION_KEY (or equity.ingest.pseudonymisation-key) before loading "
                    + "extracts, so NHS numbers can be replaced at ingestion.");
        }
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        if (k.length > BLOCK) {
            try {
                k = MessageDigest.getInstance("SHA-256").digest(k);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        k = Arrays.copyOf(k, BLOCK);
        innerPad = new byte[BLOCK];
        outerPad = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            innerPad[i] = (byte) (k[i] ^ 0x36);
            outerPad[i] = (byte) (k[i] ^ 0x5c);
        }
    }

    /** SQL of the pseudonym of {@code v}; binds {@link #outerPad()} then {@link #innerPad()}. */
    public static String sql(String v) {
        return "sha256(?::BLOB || unhex(sha256(?::BLOB || encode(" + v + "))))";
    }

    public byte[] outerPad() {
        return outerPad.clone();
    }

    public byte[] innerPad() {
        return innerPad.clone();
    }
}
