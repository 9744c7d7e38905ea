package com.cloudsquad.bank.image;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Question images, for logged-in users only (the security rules close everything not public). */
@Controller
class ImageController {

    private final QuestionImages images;

    ImageController(QuestionImages images) {
        this.images = images;
    }

    @GetMapping("/images/{key}")
    ResponseEntity<byte[]> image(@PathVariable String key) {
        return images.load(key)
                .map(image -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(image.contentType()))
                        // content-addressed: a key never points at other bytes
                        .cacheControl(CacheControl.maxAge(Duration.ofDays(365))
                                .cachePrivate()
                                .immutable())
                        .body(image.content()))
                .orElse(ResponseEntity.notFound().build());
    }
}
