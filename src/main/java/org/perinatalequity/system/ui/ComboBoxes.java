package org.perinatalequity.system.ui;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;

/**
 * Typing part of a name and pressing Enter chooses it. Vaadin's combo box only chooses on Enter when the text is
 * a whole label or an item was highlighted with the arrow keys; otherwise it throws the typed text away, which a
 * keyboard user reads as "nothing happened". Here the typed text, when it is not a label, chooses the first item
 * whose label contains it (case-insensitive, the same match the drop-down filters with); text that matches no item
 * leaves the choice as it was.
 */
public final class ComboBoxes {

    private ComboBoxes() {
    }

    public static <T> void enterChooses(ComboBox<T> box) {
        box.setAllowCustomValue(true);
        box.addCustomValueSetListener(e -> {
            Optional<T> match = firstMatch(box.getListDataView().getItems(), box.getItemLabelGenerator()::apply,
                    e.getDetail());
            if (match.isPresent() && !match.get().equals(box.getValue())) {
                box.setValue(match.get());
            } else {
                // Nothing new chosen: show the chosen item's label again rather than the typed text.
                box.getElement().executeJs("if (this._revertInputValueToValue) { this._revertInputValueToValue(); }");
            }
        });
    }

    public static <T> void enterChooses(MultiSelectComboBox<T> box) {
        box.setAllowCustomValue(true);
        box.addCustomValueSetListener(e -> firstMatch(box.getListDataView().getItems(),
                box.getItemLabelGenerator()::apply, e.getDetail()).ifPresent(item -> {
                    Set<T> chosen = new java.util.LinkedHashSet<>(box.getValue());
                    chosen.add(item);
                    box.setValue(chosen);
                }));
    }

    static <T> Optional<T> firstMatch(Stream<T> items, Function<T, String> label, String typed) {
        String text = typed == null ? "" : typed.strip().toLowerCase(Locale.UK);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return items.filter(item -> label.apply(item).toLowerCase(Locale.UK).contains(text)).findFirst();
    }
}
