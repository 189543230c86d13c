package com.userimages.core.priming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.userimages.contract.ApiFunction;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ClassPreloaderTest {
    static final AtomicBoolean MARKED_INITIALIZED = new AtomicBoolean();

    /** A class whose static initializer must not run when it is preloaded. */
    static final class Marked {
        static {
            MARKED_INITIALIZED.set(true);
        }

        private Marked() {}
    }

    /** Records what is asked of it, and serves one resource (a list) from given text. */
    static final class RecordingLoader extends ClassLoader {
        final List<String> asked = new CopyOnWriteArrayList<>();
        private final String resource;
        private final String text;

        RecordingLoader(String resource, String text) {
            super(ClassPreloaderTest.class.getClassLoader());
            this.resource = resource;
            this.text = text;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            asked.add(name);
            return super.loadClass(name, resolve);
        }

        @Override
        public URL getResource(String name) {
            try {
                return name.equals(resource) && text != null ? URI.create("file:/preload-list-for-test").toURL() : null;
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            return name.equals(resource) && text != null ? new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)) : null;
        }
    }

    @Test
    void classesAreLoadedButNeverInitialized() {
        RecordingLoader loader = new RecordingLoader("none", null);
        int loaded = ClassPreloader.preload(List.of("com.userimages.core.priming.ClassPreloaderTest$Marked"), loader);
        assertEquals(1, loaded);
        assertTrue(loader.asked.contains("com.userimages.core.priming.ClassPreloaderTest$Marked"));
        assertFalse(MARKED_INITIALIZED.get(), "preloading ran a static initializer");
    }

    @Test
    void namesTheClassPathLacksAreSkippedAndTheRestStillLoad() {
        RecordingLoader loader = new RecordingLoader("none", null);
        int loaded = ClassPreloader.preload(List.of("com.example.Gone", "java.lang.String", "com.example.AlsoGone$1",
                "software.amazon.awssdk.services.dynamodb.model.GetItemRequest"), loader);
        assertEquals(2, loaded);
        assertTrue(loader.asked.contains("software.amazon.awssdk.services.dynamodb.model.GetItemRequest"));
    }

    @Test
    void theListKeepsOnlyBinaryClassNames() {
        String list = String.join("\n",
                "# a comment line",
                "",
                "java.lang.String",
                "com.userimages.core.priming.ClassPreloaderTest$Marked",
                "../../etc/passwd",
                "java/lang/String",
                "java.lang.String; rm -rf /",
                " java.lang.Integer",
                "java.lang.Long ",
                "java..lang.Short",
                "1java.lang.Byte",
                "java.lang.Double\r",
                "\u0000java.lang.Float",
                "java.util.Map$Entry");
        RecordingLoader loader = new RecordingLoader(ClassPreloader.resourceName(ApiFunction.GET_ITEM), list);
        assertEquals(List.of("java.lang.String", "com.userimages.core.priming.ClassPreloaderTest$Marked", "java.lang.Double",
                        "java.util.Map$Entry"),
                ClassPreloader.classNames(ApiFunction.GET_ITEM, loader));
    }

    @Test
    void noListMeansNoThread() {
        RecordingLoader loader = new RecordingLoader("none", null);
        assertEquals(Optional.empty(), ClassPreloader.start(ApiFunction.GET_ITEM, loader, 4));
        assertEquals(List.of(), ClassPreloader.classNames(ApiFunction.GET_ITEM, loader));
    }

    @Test
    void oneProcessorMeansNoThreadEvenWithAList() {
        RecordingLoader loader = new RecordingLoader(ClassPreloader.resourceName(ApiFunction.LIST_PAGE), "java.lang.String\n");
        assertEquals(Optional.empty(), ClassPreloader.start(ApiFunction.LIST_PAGE, loader, 1));
        assertTrue(loader.asked.isEmpty());
    }

    @Test
    void withASpareCoreTheListLoadsOnADaemonThreadOfItsOwn() throws Exception {
        RecordingLoader loader = new RecordingLoader(ClassPreloader.resourceName(ApiFunction.DELETE_ITEM),
                "software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest\njava.util.zip.CRC32C\n");
        Thread thread = ClassPreloader.start(ApiFunction.DELETE_ITEM, loader, 2).orElseThrow();
        assertTrue(thread.isDaemon());
        assertEquals("class-preloader", thread.getName());
        thread.join(10_000);
        assertFalse(thread.isAlive());
        assertEquals(List.of("software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest", "java.util.zip.CRC32C"), loader.asked);
    }

    @Test
    void eachFunctionHasItsOwnList() {
        for (ApiFunction function : ApiFunction.values()) {
            assertEquals("META-INF/user-images/preload/" + function.functionName() + ".classes", ClassPreloader.resourceName(function));
        }
    }
}
