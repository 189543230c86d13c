package com.userimages.core.json;

/** A serialized JSON document, ready to be a response body (written by {@link JsonOutput}). */
public record JsonBody(String text) {}
