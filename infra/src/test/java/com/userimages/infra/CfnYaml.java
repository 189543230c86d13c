package com.userimages.infra;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a CloudFormation YAML template into maps and lists, turning the short-form tags
 * ({@code !Ref X}, {@code !GetAtt A.B}, {@code !Sub ...}) into the long form CloudFormation and the
 * synthesized CDK template use ({@code {"Ref": "X"}}, {@code {"Fn::GetAtt": ["A", "B"]}}, ...), so the
 * two templates compare like for like. A plain YAML reader would drop the tags and a Ref would read
 * as a bare string.
 */
final class CfnYaml {
    private CfnYaml() {}

    static Map<String, Object> read(Path file) throws IOException {
        try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
            parser.nextToken();
            return TemplateModel.map(value(parser));
        }
    }

    private static Object value(YAMLParser parser) throws IOException {
        String tag = localTag(parser.getTypeId());
        JsonToken token = parser.currentToken();
        Object value = switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() != JsonToken.END_OBJECT) {
                    String key = parser.currentName();
                    parser.nextToken();
                    map.put(key, value(parser));
                }
                yield map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) list.add(value(parser));
                yield list;
            }
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            case VALUE_NULL -> null;
            default -> throw new IOException("unexpected " + token + " at " + parser.currentLocation());
        };
        return tag == null ? value : intrinsic(tag, value);
    }

    /** {@code !Ref} → {@code Ref}; YAML's own {@code !!str}-style tags are not intrinsics. */
    private static String localTag(String typeId) {
        if (typeId == null || typeId.startsWith("tag:yaml.org") || typeId.startsWith("!!")) return null;
        return typeId.startsWith("!") ? typeId.substring(1) : typeId;
    }

    private static Map<String, Object> intrinsic(String tag, Object value) {
        if (tag.equals("Ref") || tag.equals("Condition")) return Map.of(tag, value);
        if (tag.equals("GetAtt") && value instanceof String s) {
            int dot = s.indexOf('.');
            return Map.of("Fn::GetAtt", List.of(s.substring(0, dot), s.substring(dot + 1)));
        }
        return Map.of("Fn::" + tag, value);
    }
}
