package com.cloudsquad.bank.image;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Checks and stores uploaded diagrams; the key is the content's SHA-256, so versions can share it. */
@Service
public class QuestionImages {

    private final ImageStore store;

    QuestionImages(ImageStore store) {
        this.store = store;
    }

    /** Stores an upload and returns its key, or the reason it was refused. */
    public Upload store(byte[] content) {
        if (content.length > ImageType.MAX_BYTES) {
            return Upload.refused("The image is larger than 2 MB.");
        }
        Optional<ImageType> type = ImageType.detect(content);
        if (type.isEmpty()) {
            return Upload.refused("Use a PNG, JPEG or WebP image (this file is none of them, whatever its name).");
        }
        String key = sha256(content) + "." + type.get().extension();
        store.put(key, content, type.get().contentType());
        return new Upload(key, null);
    }

    public Optional<ImageStore.StoredImage> load(String key) {
        if (key == null || !key.matches("[0-9a-f]{64}\\.(png|jpg|webp)")) {
            return Optional.empty();
        }
        return store.get(key);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Upload(String key, String error) {
        static Upload refused(String error) {
            return new Upload(null, error);
        }
    }
}
