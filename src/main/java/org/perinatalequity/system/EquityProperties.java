package org.perinatalequity.system;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the dashboard, bound from {@code equity.*}. The database file also answers to the
 * documented {@code --db=FILE} option and the {@code EQUITY_DB} environment variable (see
 * application.properties).
 */
@ConfigurationProperties("equity")
public record EquityProperties(@DefaultValue Database database, @DefaultValue Ingest ingest,
        @DefaultValue SampleData sampleData, @DefaultValue Reference reference) implements AuditedSettings {

    /** The property holding the pseudonymisation key: audited as set or not set, and by a hash when it changes. */
    public static final String PSEUDONYMISATION_KEY = "equity.ingest.pseudonymisation-key";

    private static final String IMD_VINTAGE = "equity.reference.imd-vintage";

    @Override
    public Map<String, String> auditedSettings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put(IMD_VINTAGE, reference.imdVintage());
        String key = ingest.pseudonymisationKey();
        s.put(PSEUDONYMISATION_KEY, key == null || key.isBlank() ? "not set" : "set");
        s.put("equity.ingest.max-upload-bytes", String.valueOf(ingest.maxUploadBytes()));
        s.put("equity.ingest.max-uncompressed-bytes", String.valueOf(ingest.maxUncompressedBytes()));
        s.put("equity.ingest.max-zip-entries", String.valueOf(ingest.maxZipEntries()));
        s.put("equity.ingest.limits.max-columns", String.valueOf(ingest.limits().maxColumns()));
        s.put("equity.ingest.limits.max-field-bytes", String.valueOf(ingest.limits().maxFieldBytes()));
        s.put("equity.ingest.limits.max-rows", String.valueOf(ingest.limits().maxRows()));
        s.put("equity.ingest.limits.max-compression-ratio", String.valueOf(ingest.limits().maxCompressionRatio()));
        s.put("equity.ingest.limits.memory-limit", ingest.limits().memoryLimit());
        s.put("equity.ingest.inbox-enabled", String.valueOf(ingest.inboxEnabled()));
        s.put("equity.ingest.inbox", String.valueOf(ingest.inbox()));
        s.put("equity.sample-data.load-on-first-start", String.valueOf(sampleData.loadOnFirstStart()));
        return s;
    }

    /**
     * The reference loader audits a new IMD vintage itself (reference.ReferenceSettings, against the vintage
     * the stored deprivation figures were linked with), so the configuration audit does not record it twice.
     */
    @Override
    public Set<String> changesAuditedByOwner() {
        return Set.of(IMD_VINTAGE);
    }

    private static final Pattern SIZE =
            Pattern.compile("(?i)\\d+(\\.\\d+)?\\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)");

    /**
     * DuckDB's own defaults (80% of the machine's memory, a thread per core) suit a machine that does nothing else;
     * on a small shared server one 1M-birth load took 4.9 GB. Capping memory makes DuckDB spill large sorts, joins
     * and aggregates to {@code tempDirectory} instead (docs/deployment.md, "Memory").
     *
     * @param file the DuckDB file this JVM owns
     * @param memoryLimit DuckDB's {@code memory_limit} (e.g. {@code 1GB}, {@code 512MB}); blank for DuckDB's default
     * @param threads DuckDB's {@code threads}; 0 for one per available core
     * @param tempDirectory where DuckDB spills what does not fit in {@code memoryLimit}; unset for {@code FILE.tmp}
     *        beside the database file (DuckDB's default)
     */
    public record Database(@DefaultValue("data/equity.duckdb") Path file, @DefaultValue("4GB") String memoryLimit,
            @DefaultValue("0") int threads, @Nullable Path tempDirectory) {

        @ConstructorBinding
        public Database {
            if (!memoryLimit.isBlank() && !SIZE.matcher(memoryLimit.strip()).matches()) {
                throw new IllegalArgumentException("equity.database.memory-limit must be a size such as 1GB or 512MB, "
                        + "not '" + memoryLimit + "'");
            }
            if (threads < 0) {
                throw new IllegalArgumentException("equity.database.threads must be 0 (one per core) or more, not "
                        + threads);
            }
        }

        /** A database file with the default memory limit and threads (tests and tools). */
        public Database(Path file) {
            this(file, "4GB", 0, null);
        }

        /** The threads DuckDB is given: the configured number, or one per core the JVM may use. */
        public int effectiveThreads() {
            return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        }
    }

    /**
     * @param pseudonymisationKey key of the HMAC-SHA256 that replaces NHS numbers at ingestion; never logged
     * @param inbox folder the running app watches for extracts (a .zip or a folder per submission)
     * @param inboxEnabled whether the running app watches the inbox
     * @param inboxPollSeconds how often the inbox is looked at
     * @param maxUploadBytes largest upload or zip accepted
     * @param maxUncompressedBytes largest total size of a zip's contents (zip-bomb guard)
     * @param maxZipEntries most entries a zip may hold
     * @param limits bounds on each file and on the ingest's memory ({@code equity.ingest.limits.*})
     */
    public record Ingest(String pseudonymisationKey, @DefaultValue("data/inbox") Path inbox,
            @DefaultValue("false") boolean inboxEnabled, @DefaultValue("10") int inboxPollSeconds,
            @DefaultValue("524288000") long maxUploadBytes, @DefaultValue("2097152000") long maxUncompressedBytes,
            @DefaultValue("200") int maxZipEntries, @DefaultValue IngestLimits limits) {

        @ConstructorBinding
        public Ingest {
        }

        /** The settings with the default limits (tests and tools that do not care about them). */
        public Ingest(String pseudonymisationKey, Path inbox, boolean inboxEnabled, int inboxPollSeconds,
                long maxUploadBytes, long maxUncompressedBytes, int maxZipEntries) {
            this(pseudonymisationKey, inbox, inboxEnabled, inboxPollSeconds, maxUploadBytes, maxUncompressedBytes,
                    maxZipEntries, IngestLimits.DEFAULT);
        }
    }

    /**
     * Bounds every door's ingest keeps (upload, API and inbox run the same code), each refused with a message
     * naming the file, the line and the limit; checked while a file is scanned, before anything is allocated
     * per column or per row.
     *
     * @param maxColumns most columns in a file's header
     * @param maxFieldBytes longest field in bytes
     * @param maxRows most data records in one file
     * @param maxCompressionRatio most a zip entry may expand (unpacked bytes per packed byte): a zip-bomb guard
     * @param memoryLimit DuckDB {@code memory_limit} while an ingest runs (e.g. {@code 2GB}); blank keeps the
     *        database's own setting
     */
    public record IngestLimits(@DefaultValue("1000") int maxColumns, @DefaultValue("32768") int maxFieldBytes,
            @DefaultValue("10000000") long maxRows, @DefaultValue("200") int maxCompressionRatio,
            @DefaultValue("2GB") String memoryLimit) {

        public static final IngestLimits DEFAULT = new IngestLimits(1_000, 32_768, 10_000_000L, 200, "2GB");

        public IngestLimits {
            if (maxColumns < 1 || maxFieldBytes < 1 || maxRows < 1 || maxCompressionRatio < 1) {
                throw new IllegalArgumentException("equity.ingest.limits.* must be positive");
            }
            if (!memoryLimit.isBlank() && !memoryLimit.strip().matches("(?i)[0-9]+(\\.[0-9]+)?\\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)")) {
                throw new IllegalArgumentException("equity.ingest.limits.memory-limit must be a size such as 2GB, not '"
                        + memoryLimit + "'");
            }
        }
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
