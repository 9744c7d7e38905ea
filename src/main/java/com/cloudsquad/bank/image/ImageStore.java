package com.cloudsquad.bank.image;

import java.util.Optional;

/** Where question images live: local disk by default, an S3 bucket when one is configured. */
public interface ImageStore {

    void put(String key, byte[] content, String contentType);

    Optional<StoredImage> get(String key);

    record StoredImage(byte[] content, String contentType) {}
}
