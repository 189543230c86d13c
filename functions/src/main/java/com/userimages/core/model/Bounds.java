package com.userimages.core.model;

import com.userimages.contract.Setting;
import com.userimages.contract.Settings;

/** The per-request and per-collection image bounds of API.md, from the settings. */
public record Bounds(int maxImagesPerRequest, int maxImagesPerCollection) {
    public static Bounds from(Settings settings) {
        return new Bounds(settings.intValue(Setting.MAX_IMAGES_PER_REQUEST), settings.intValue(Setting.MAX_IMAGES_PER_COLLECTION));
    }
}
