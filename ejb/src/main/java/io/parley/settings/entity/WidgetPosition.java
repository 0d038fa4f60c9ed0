package io.parley.settings.entity;

import io.parley.platform.entity.Refusal;
import io.parley.platform.entity.WireNames;

/** The corner of the page the widget's launcher sits in. */
public enum WidgetPosition {
    LEFT,
    RIGHT;

    public String wireName() {
        return WireNames.of(this);
    }

    /** @throws Refusal (invalid) naming the unknown position */
    public static WidgetPosition fromWire(String name) {
        return WireNames.parse(WidgetPosition.class, name, "position");
    }
}
