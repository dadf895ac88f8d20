package org.perinatalequity.reference;

import java.util.List;

/** What a reference load did: each file, how it was recognised, and the rows loaded. */
public record ReferenceReport(List<LoadedFile> files) {

    public record LoadedFile(String file, String kind, String layout, String vintage, long rows) {
    }
}
