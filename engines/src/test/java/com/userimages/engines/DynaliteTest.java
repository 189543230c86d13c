package com.userimages.engines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DynaliteTest {
    private static Dynalite engine;

    @BeforeAll
    static void start() throws EngineStartException {
        engine = Dynalite.inMemory();
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Nested
    class Guard {
        @Test
        void aRequestSignedWithTheRunsKeyIsServed() throws IOException {
            String response = send(engine, "127.0.0.1:" + port(), engine.credentials().accessKeyId(), null);
            assertTrue(response.startsWith("HTTP/1.1 200"), response);
            assertTrue(response.contains("\"TableNames\":[]"), response);
        }

        @Test
        void localhostByNameIsAHostToo() throws IOException {
            assertTrue(send(engine, "LocalHost:" + port(), engine.credentials().accessKeyId(), null).startsWith("HTTP/1.1 200"));
        }

        @Test
        void anotherHostIsRefusedAsARebindingPageWouldSendIt() throws IOException {
            for (String host : new String[] {"evil.example:" + port(), "127.0.0.1", "localhost", "127.0.0.1:" + port() + ".evil",
                    "127.0.0.1:1", "[::1]:" + port()}) {
                String response = send(engine, host, engine.credentials().accessKeyId(), null);
                assertTrue(response.startsWith("HTTP/1.1 403"), host + " -> " + response);
                assertFalse(response.contains("TableNames"), response);
            }
        }

        @Test
        void anyOriginIsRefusedPreflightsIncluded() throws IOException {
            String response = send(engine, "127.0.0.1:" + port(), engine.credentials().accessKeyId(), "http://127.0.0.1:" + port());
            assertTrue(response.startsWith("HTTP/1.1 403"), response);
            assertFalse(response.toLowerCase().contains("access-control-allow-origin"), response);
        }

        @Test
        void anotherKeyOrNoSignatureIsRefused() throws IOException {
            assertTrue(send(engine, "127.0.0.1:" + port(), "AKIDEXAMPLE", null).startsWith("HTTP/1.1 403"));
            assertTrue(send(engine, "127.0.0.1:" + port(), null, null).startsWith("HTTP/1.1 403"));
            String prefix = engine.credentials().accessKeyId().substring(0, 10);
            assertTrue(send(engine, "127.0.0.1:" + port(), prefix, null).startsWith("HTTP/1.1 403"));
        }
    }

    @Nested
    class GivenKey {
        @Test
        void anEngineGivenARunsKeyLetsThatKeyThroughAndNoOther() throws Exception {
            EngineCredentials runKey = EngineCredentials.random();
            try (Dynalite given = Dynalite.inMemory(runKey)) {
                assertEquals(runKey, given.credentials());
                int port = given.endpoint().getPort();
                assertTrue(send(given, "127.0.0.1:" + port, runKey.accessKeyId(), null).startsWith("HTTP/1.1 200"));
                assertTrue(send(given, "127.0.0.1:" + port, engine.credentials().accessKeyId(), null).startsWith("HTTP/1.1 403"),
                        "another engine's key");
            }
        }
    }

    @Nested
    class OnDisk {
        @Test
        void dataSurvivesARestart(@TempDir Path dir) throws Exception {
            try (Dynalite first = Dynalite.onDisk(dir)) {
                assertEquals(200, status(createTable(first)));
            }
            try (Dynalite second = Dynalite.onDisk(dir)) {
                String listed = send(second, "127.0.0.1:" + second.endpoint().getPort(), second.credentials().accessKeyId(), null);
                assertTrue(listed.contains("\"TableNames\":[\"kept\"]"), listed);
            }
        }

        @Test
        void aDirectoryAnotherEngineHoldsIsRefusedInOneLine(@TempDir Path dir) throws Exception {
            try (Dynalite holder = Dynalite.onDisk(dir)) {
                EngineStartException refused = assertThrows(EngineStartException.class, () -> Dynalite.onDisk(dir));
                assertTrue(refused.getMessage().contains("is in use by another server"), refused.getMessage());
                assertFalse(refused.getMessage().contains("\n"), refused.getMessage());
                assertTrue(holder.alive());
            }
        }

        @Test
        void aDirectoryWrittenWithoutUniqueIndexKeysIsRefusedInOneLine(@TempDir Path dir) throws Exception {
            try (Dynalite first = Dynalite.onDisk(dir)) {
                assertEquals(200, status(createTable(first)));
            }
            try (var marker = Files.list(dir)) {
                for (Path file : marker.filter(f -> f.getFileName().toString().startsWith("user-images-index-keys")).toList()) {
                    Files.delete(file);
                }
            }
            EngineStartException refused = assertThrows(EngineStartException.class, () -> Dynalite.onDisk(dir));
            assertTrue(refused.getMessage().contains("index entries can be lost"), refused.getMessage());
            assertFalse(refused.getMessage().contains("\n"), refused.getMessage());
        }
    }

    @Nested
    class Node {
        @Test
        void noNodeOnPathIsOneLineThatSaysSo(@TempDir Path empty) {
            Map<String, String> env = NodeEnvironments.withoutNode(empty);
            EngineStartException refused = assertThrows(EngineStartException.class, () -> Dynalite.start(null, env));
            assertEquals("node was not found on PATH: the local engines need Node.js 20 or newer", refused.getMessage());
        }

        @Test
        void aNodeTooOldIsOneLineThatSaysSo(@TempDir Path bin) throws IOException {
            Map<String, String> env = NodeEnvironments.withNodeTooOld(bin);
            EngineStartException refused = assertThrows(EngineStartException.class, () -> Dynalite.start(null, env));
            assertEquals(NodeEnvironments.TOO_OLD, refused.getMessage());
        }
    }

    private static int port() {
        return engine.endpoint().getPort();
    }

    private static String createTable(Dynalite target) throws IOException {
        String body = "{\"TableName\":\"kept\",\"AttributeDefinitions\":[{\"AttributeName\":\"k\",\"AttributeType\":\"S\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"k\",\"KeyType\":\"HASH\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}";
        return raw(target, "127.0.0.1:" + target.endpoint().getPort(), target.credentials().accessKeyId(), null, "CreateTable", body);
    }

    private static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }

    private static String send(Dynalite target, String host, String keyId, String origin) throws IOException {
        return raw(target, host, keyId, origin, "ListTables", "{}");
    }

    /** A hand-made request, so the Host and Origin headers are exactly what a browser or an attacker sends. */
    private static String raw(Dynalite target, String host, String keyId, String origin, String action, String body) throws IOException {
        StringBuilder request = new StringBuilder("POST / HTTP/1.1\r\nHost: ").append(host).append("\r\n")
                .append("X-Amz-Target: DynamoDB_20120810.").append(action).append("\r\n")
                .append("Content-Type: application/x-amz-json-1.0\r\nX-Amz-Date: 20260101T000000Z\r\nConnection: close\r\n");
        if (keyId != null) {
            request.append("Authorization: AWS4-HMAC-SHA256 Credential=").append(keyId)
                    .append("/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=00\r\n");
        }
        if (origin != null) request.append("Origin: ").append(origin).append("\r\n");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        request.append("Content-Length: ").append(bytes.length).append("\r\n\r\n").append(body);
        try (Socket socket = new Socket("127.0.0.1", target.endpoint().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
