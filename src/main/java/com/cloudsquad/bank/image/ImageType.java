package com.cloudsquad.bank.image;

import java.util.Optional;

/** The image formats a question may carry, recognised by their first bytes, never by file name. */
public enum ImageType {
    PNG("image/png", "png"),
    JPEG("image/jpeg", "jpg"),
    WEBP("image/webp", "webp");

    public static final int MAX_BYTES = 2 * 1024 * 1024;

    private final String contentType;
    private final String extension;

    ImageType(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    public static Optional<ImageType> detect(byte[] b) {
        if (b.length >= 8
                && (b[0] & 0xff) == 0x89
                && b[1] == 'P'
                && b[2] == 'N'
                && b[3] == 'G'
                && b[4] == 0x0d
                && b[5] == 0x0a
                && b[6] == 0x1a
                && b[7] == 0x0a) {
            return Optional.of(PNG);
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return Optional.of(JPEG);
        }
        if (b.length >= 12
                && b[0] == 'R'
                && b[1] == 'I'
                && b[2] == 'F'
                && b[3] == 'F'
                && b[8] == 'W'
                && b[9] == 'E'
                && b[10] == 'B'
                && b[11] == 'P') {
            return Optional.of(WEBP);
        }
        return Optional.empty();
    }

    public static Optional<ImageType> ofKey(String key) {
        for (ImageType type : values()) {
            if (key.endsWith("." + type.extension)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
