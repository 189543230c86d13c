package com.userimages.core.model;

import com.userimages.contract.Setting;

/** The per-request and per-collection image bounds of API.md, from the settings. */
public record Bounds(int maxImagesPerRequest, int maxImagesPerCollection) {
    public static Bounds fromSettings() {
        return new Bounds(Setting.MAX_IMAGES_PER_REQUEST.intValue(), Setting.MAX_IMAGES_PER_COLLECTION.intValue());
    }
}
