package com.userimages.testing;

import com.userimages.core.model.Ids;
import com.userimages.core.model.ImageRef;

/** Images by URL for the tests below the handlers: a fresh id each, and a URL that says which image it is. */
public final class ExternalImages {
    private ExternalImages() {}

    public static ImageRef image(String name) {
        return new ImageRef(Ids.generate(), "https://example.com/" + name + ".jpg");
    }
}
