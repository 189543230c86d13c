package com.userimages.core.priming;

import com.userimages.contract.ApiFunction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Loads the classes a function's init and first request need, on a second thread, while the init
 * thread builds the DynamoDB client: a start without a snapshot or a cache spends most of its time
 * loading some 1,500 classes one after the other, and a second core can take the reading, parsing
 * and defining of them off that path (an A/B of get-item without a cache: 493 to 411 ms).
 *
 * <p>The list per function is made by the build, from a training run of that function
 * ({@code META-INF/user-images/preload/FUNCTION.classes}, one binary class name per line). Classes
 * are only loaded, never initialized, so no static initializer runs early, on this thread or out of
 * order; a name the list has and the class path lacks is skipped. With one processor there is
 * nothing to overlap, so nothing starts.
 */
public final class ClassPreloader {
    static final String RESOURCE_DIRECTORY = "META-INF/user-images/preload/";
    private static final Pattern BINARY_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");

    private ClassPreloader() {}

    /** The Lambda path: this function's list, from the loader of these classes, if there is a core to spare. */
    public static Optional<Thread> start(ApiFunction function) {
        return start(function, ClassPreloader.class.getClassLoader(), Runtime.getRuntime().availableProcessors());
    }

    static Optional<Thread> start(ApiFunction function, ClassLoader loader, int processors) {
        if (processors < 2 || loader.getResource(resourceName(function)) == null) return Optional.empty();
        // Even the list is read on the new thread: the init thread only starts it.
        return Optional.of(Thread.ofPlatform().name("class-preloader").daemon()
                .start(() -> preload(classNames(function, loader), loader)));
    }

    /** The function's list as the build made it; empty when there is none (a build without its training run). */
    static List<String> classNames(ApiFunction function, ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(resourceName(function))) {
            if (in == null) return List.of();
            List<String> names = new ArrayList<>();
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = lines.readLine()) != null; ) {
                if (BINARY_NAME.matcher(line).matches()) names.add(line);
            }
            return names;
        } catch (IOException e) {
            return List.of();
        }
    }

    static String resourceName(ApiFunction function) {
        return RESOURCE_DIRECTORY + function.functionName() + ".classes";
    }

    /** @return how many of the names are loaded classes now */
    static int preload(List<String> names, ClassLoader loader) {
        int loaded = 0;
        for (String name : names) {
            try {
                Class.forName(name, false, loader);
                loaded++;
            } catch (ClassNotFoundException | LinkageError e) {
                // Only a head start: the init thread loads whatever it needs itself, and reports what fails.
            }
        }
        return loaded;
    }
}
