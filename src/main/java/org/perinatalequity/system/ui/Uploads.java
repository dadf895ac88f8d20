package org.perinatalequity.system.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** What the upload panels share: the outcome toast (their files go through system.Intake). */
public final class Uploads {

    private Uploads() {
    }

    public static void showNotification(String text, boolean success) {
        Notification notification = Notification.show(text, 8000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(success ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
    }
}
