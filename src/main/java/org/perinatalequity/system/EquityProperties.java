package org.perinatalequity.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the dashboard, bound from {@code equity.*}. The database file also answers to the
 * documented {@code --db=FILE} option and the {@code EQUITY_DB} environment variable (see
 * application.properties).
 */
@ConfigurationProperties("equity")
public record EquityProperties(@DefaultValue Database database, @DefaultValue Ingest ingest,
        @DefaultValue SampleData sampleData, @DefaultValue Reference reference) {

    /** @param file the DuckDB file this JVM owns */
    public record Database(@DefaultValue("data/equity.duckdb") Path file) {
    }

    /**
     * @param pseudonymisationKey key of the HMAC-SHA256 that replaces NHS numbers at ingestion; never logged
     * @param inbox folder the running app watches for extracts (a .zip or a folder per submission)
     * @param inboxEnabled whether the running app watches the inbox
     * @param inboxPollSeconds how often the inbox is looked at
     * @param maxUploadBytes largest upload or zip accepted
     * @param maxUncompressedBytes largest total size of a zip's contents (zip-bomb guard)
     * @param maxZipEntries most entries a zip may hold
     */
    public record Ingest(String pseudonymisationKey, @DefaultValue("data/inbox") Path inbox,
            @DefaultValue("false") boolean inboxEnabled, @DefaultValue("10") int inboxPollSeconds,
            @DefaultValue("524288000") long maxUploadBytes, @DefaultValue("2097152000") long maxUncompressedBytes,
            @DefaultValue("200") int maxZipEntries) {
    }

    /** @param imdVintage IMD used for deprivation: "2019" (IoD2019, LSOA 2011) or "2025" (IoD2025, LSOA 2021) */
    public record Reference(@DefaultValue("2019") String imdVintage) {

        public Reference {
            if (!imdVintage.equals("2019") && !imdVintage.equals("2025")) {
                throw new IllegalArgumentException("equity.reference.imd-vintage must be 2019 or 2025, not '"
                        + imdVintage + "'");
            }
        }
    }

    /**
     * @param loadOnFirstStart load the bundled sample extract and reference files when the database is empty
     * @param location folder holding the bundled sample files
     */
    public record SampleData(@DefaultValue("false") boolean loadOnFirstStart,
            @DefaultValue("data-samples") Path location) {
    }
}
