package com.userimages.core.model;

/** What an uploaded image's element records of its object: the checked type and the size in bytes. */
public record UploadedFile(String contentType, long bytes) {}
