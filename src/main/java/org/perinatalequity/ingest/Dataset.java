package org.perinatalequity.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dataset the dashboard loads: an item registry (a CSV resource, one row per item) plus what the one
 * ingest mechanism needs to know about its tables: how a file names its table, which table is the header
 * (provider and reporting period), which tables a submission must hold, and which child rows point at a
 * parent. Everything else (checks, rejects, refusals, replacement, the ingest log, entry points) is shared.
 */
public enum Dataset {

    /** Maternity Services Data Set v2 (msds-v2.md). */
    MSDS("/ingest/msds-items.csv", "MSD", "MSD000", new HeaderItems("OrgCodeProvider", "RPStartDate", "RPEndDate"),
            List.of("MSD000", "MSD001", "MSD101"),
            List.of(new ParentLink("MSD002", "LPIDMother", "MSD001", "LPIDMother"),
                    new ParentLink("MSD101", "LPIDMother", "MSD001", "LPIDMother"),
                    new ParentLink("MSD102", "PregnancyID", "MSD101", "PregnancyID"),
                    new ParentLink("MSD201", "PregnancyID", "MSD101", "PregnancyID"),
                    new ParentLink("MSD202", "CareConID", "MSD201", "CareConID"),
                    new ParentLink("MSD301", "PregnancyID", "MSD101", "PregnancyID"),
                    new ParentLink("MSD302", "LabourDeliveryID", "MSD301", "LabourDeliveryID"),
                    new ParentLink("MSD401", "LabourDeliveryID", "MSD301", "LabourDeliveryID"),
                    new ParentLink("MSD405", "LPIDBaby", "MSD401", "LPIDBaby")),
            List.of("MSD003", "MSD004", "MSD103", "MSD104", "MSD105", "MSD106", "MSD107", "MSD108", "MSD109", "MSD203",
                    "MSD402", "MSD403", "MSD404", "MSD406", "MSD501", "MSD502", "MSD503", "MSD504", "MSD601", "MSD602",
                    "MSD901"),
            "an MSDS v2 table"),

    /**
     * Mental Health Services Data Set v6, v5 names accepted (DESIGN.md section 8): the five tables the
     * perinatal mental health measures read. Its submissions carry open referrals with their history, so
     * rows dated outside the header's reporting period are loaded like any other.
     */
    MHSDS("/ingest/mhsds-items.csv", "MHS", "MHS000",
            new HeaderItems("OrgIDProvider", "ReportingPeriodStartDate", "ReportingPeriodEndDate"),
            List.of("MHS000", "MHS001", "MHS101", "MHS102", "MHS201"),
            List.of(new ParentLink("MHS101", "LocalPatientId", "MHS001", "LocalPatientId"),
                    new ParentLink("MHS102", "ServiceRequestId", "MHS101", "ServiceRequestId"),
                    new ParentLink("MHS201", "ServiceRequestId", "MHS101", "ServiceRequestId")),
            // Every other MHSnnn table (the specification has dozens) is skipped with a warning: see isKnownUnused.
            List.of(),
            "an MHSDS table the perinatal measures read"),

    /**
     * The maternity and neonatal workforce for the Workforce Race Equality Standard (docs/workforce.md): a header
     * (organisation and WRES year), then either staff-level files (WRK001 staff records, WRK101 events, WRK201 staff
     * survey, WRK301 board) or the aggregate WRES return (WRK401). Staff, applicant and board member ids are
     * pseudonymised at load like NHS numbers. Applicants are not staff, so events have no parent link.
     */
    WORKFORCE("/ingest/workforce-items.csv", "WRK", "WRK000",
            new HeaderItems("OrgCode", "ReportingPeriodStartDate", "ReportingPeriodEndDate"),
            List.of("WRK000"), List.of(), List.of(), "a workforce table (WRK001, WRK101, WRK201, WRK301, WRK401)");

    /** The header table's items naming the provider and the reporting period. */
    record HeaderItems(String provider, String periodStart, String periodEnd) {
    }

    /** child table, child key item, parent table, parent key item: a child without its parent is an orphan. */
    record ParentLink(String child, String childKey, String parent, String parentKey) {
    }

    private final String registryResource;
    private final String prefix;
    private final String headerTable;
    private final HeaderItems headerItems;
    private final List<String> requiredTables;
    private final List<ParentLink> parents;
    private final List<String> knownUnused;
    private final String tableKind;
    private final Pattern tableInName;

    Dataset(String registryResource, String prefix, String headerTable, HeaderItems headerItems,
            List<String> requiredTables, List<ParentLink> parents, List<String> knownUnused, String tableKind) {
        this.registryResource = registryResource;
        this.prefix = prefix;
        this.headerTable = headerTable;
        this.headerItems = headerItems;
        this.requiredTables = requiredTables;
        this.parents = parents;
        this.knownUnused = knownUnused;
        this.tableKind = tableKind;
        // MSD101.csv, RWE_MSD101_202404.csv, MHS201CareContact.csv: the id, not preceded by a letter or digit
        // and not followed by a digit.
        this.tableInName = Pattern.compile("(?i)(?<![0-9A-Z])" + prefix + "(\\d{3})(?![0-9])");
    }

    String registryResource() {
        return registryResource;
    }

    /** The table that names the submission (provider and reporting period); it has no raw table. */
    public String headerTable() {
        return headerTable;
    }

    HeaderItems headerItems() {
        return headerItems;
    }

    /** Tables every submission of this dataset must contain (the header first). */
    public List<String> requiredTables() {
        return requiredTables;
    }

    List<ParentLink> parents() {
        return parents;
    }

    /** "an MSDS v2 table", for messages about a table id the registry does not hold. */
    String tableKind() {
        return tableKind;
    }

    /**
     * Tables of the dataset that exist but that the dashboard does not use: their files are skipped with a
     * warning. For MHSDS that is every MHSnnn table outside the registry (the specification has dozens).
     */
    boolean isKnownUnused(String tableId) {
        return this == MHSDS || knownUnused.contains(tableId);
    }

    /** The table id a file name names, whether or not the dashboard uses that table. */
    Optional<String> tableIdInFileName(String fileName) {
        Matcher m = tableInName.matcher(fileName);
        return m.find() ? Optional.of(prefix + m.group(1)) : Optional.empty();
    }

    /** The dataset a table id belongs to ({@code MHS201} → MHSDS). */
    static Optional<Dataset> ofTable(String tableId) {
        String id = tableId.toUpperCase(Locale.ROOT);
        for (Dataset d : values()) {
            if (id.startsWith(d.prefix)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
