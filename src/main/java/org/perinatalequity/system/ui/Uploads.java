package org.perinatalequity.system.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the upload panels share: safe file names, removing their temporary folders, and the outcome toast. */
public final class Uploads {

    private static final Logger LOG = LoggerFactory.getLogger(Uploads.class);

    private Uploads() {
    }

    /** The client's file name reduced to safe characters, so it cannot name a path outside its folder. */
    public static String safeName(String clientName) {
        String name = clientName == null ? "" : clientName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._ -]", "_");
        return name.isBlank() || name.startsWith(".") ? "file" + name : name;
    }

    public static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not delete the upload folder {}", folder);
        }
    }

    public static void showNotification(String text, boolean success) {
        Notification notification = Notification.show(text, 8000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(success ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
    }
}
