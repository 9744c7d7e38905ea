package com.cloudsquad.bank.image;

import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Images in an S3 bucket (credentials and region from the default AWS provider chain). */
class S3ImageStore implements ImageStore {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    S3ImageStore(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        s3.putObject(
                request -> request.bucket(bucket).key(prefix + key).contentType(contentType),
                RequestBody.fromBytes(content));
    }

    @Override
    public Optional<StoredImage> get(String key) {
        try {
            var object = s3.getObjectAsBytes(request -> request.bucket(bucket).key(prefix + key));
            return Optional.of(
                    new StoredImage(object.asByteArray(), object.response().contentType()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }
}
