package org.perinatalequity.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the servlet container writes the parts of a multipart upload ({@code POST /api/ingest}, the reference API,
 * and the Vaadin upload when it goes through the container's part parsing): a folder inside the private temporary
 * root ({@link TemporaryRoot}), never the system temporary folder or Tomcat's work folder there. An uploaded extract
 * holds plaintext NHS numbers. The container deletes each part when its request ends; whatever a killed process
 * left is removed at the next start with the rest of the root. The size limits stay
 * {@code spring.servlet.multipart.*}; a {@code spring.servlet.multipart.location} is overridden.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class UploadFolder {

    /** The folder's name inside the root. */
    static final String NAME = "multipart";

    @Bean
    MultipartConfigElement multipartConfigElement(MultipartProperties properties, TemporaryRoot root) {
        Path folder;
        try {
            folder = Intake.ensurePrivateFolder(root.path().resolve(NAME));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the upload folder in " + root.path(), e);
        }
        MultipartConfigElement configured = properties.createMultipartConfig();
        return new MultipartConfigElement(folder.toString(), configured.getMaxFileSize(),
                configured.getMaxRequestSize(), configured.getFileSizeThreshold());
    }
}
