package com.cloudsquad.bank.image;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code app.images.s3-bucket} set: images go to that bucket (several instances share them).
 * Otherwise to {@code app.images.dir} on local disk, fine for one instance.
 */
@Configuration(proxyBeanMethods = false)
class ImageStoreConfiguration {

    @Bean
    ImageStore imageStore(
            @Value("${app.images.s3-bucket:}") String bucket,
            @Value("${app.images.s3-prefix:question-images/}") String prefix,
            @Value("${app.images.dir:${app.embedded-db.dir:data}/images}") String folder) {
        if (!bucket.isBlank()) {
            return new S3ImageStore(S3Client.create(), bucket, prefix);
        }
        return new LocalDiskImageStore(Path.of(folder));
    }
}
