package com.cloudsquad.bank.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** Images as files in one folder; keys are content hashes, so a file never changes once written. */
class LocalDiskImageStore implements ImageStore {

    private final Path folder;

    LocalDiskImageStore(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        try {
            Files.createDirectories(folder);
            Path target = resolve(key);
            if (Files.exists(target)) {
                return;
            }
            Path temporary = Files.createTempFile(folder, "upload", ".tmp");
            Files.write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store image " + key, e);
        }
    }

    @Override
    public Optional<StoredImage> get(String key) {
        try {
            Path file = resolve(key);
            return Optional.of(new StoredImage(
                    Files.readAllBytes(file),
                    ImageType.ofKey(key).map(ImageType::contentType).orElse("application/octet-stream")));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path resolve(String key) {
        Path file = folder.resolve(key).normalize();
        if (!file.getParent().equals(folder)) {
            throw new IllegalArgumentException("Bad image key");
        }
        return file;
    }
}
