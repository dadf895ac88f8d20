package org.perinatalequity.ingest.ui;

import java.util.Map;

/**
 * The names people know the MSDS v2 and MHSDS v6 tables by (NHS England's technical output specifications),
 * shown beside the table ids, which on their own mean little to most readers.
 */
final class MsdsTableNames {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("MSD000", "Header"),
            Map.entry("MSD001", "Mother's Demographics"),
            Map.entry("MSD002", "GP Practice Registration"),
            Map.entry("MSD101", "Pregnancy and Booking Details"),
            Map.entry("MSD102", "Maternity Care Plan"),
            Map.entry("MSD201", "Care Contact (Pregnancy)"),
            Map.entry("MSD202", "Care Activity (Pregnancy)"),
            Map.entry("MSD301", "Labour and Delivery"),
            Map.entry("MSD302", "Care Activity (Labour and Delivery)"),
            Map.entry("MSD401", "Baby's Demographics and Birth Details"),
            Map.entry("MSD405", "Care Activity (Baby)"),
            Map.entry("MHS000", "Header (MHSDS)"),
            Map.entry("MHS001", "Master Patient Index (MHSDS)"),
            Map.entry("MHS101", "Service or Team Referral (MHSDS)"),
            Map.entry("MHS102", "Service or Team Type Referred To (MHSDS)"),
            Map.entry("MHS201", "Care Contact (MHSDS)"));

    private MsdsTableNames() {
    }

    /** "MSD101 Pregnancy and Booking Details", or the bare id for a table without a known name. */
    static String label(String tableId) {
        if (tableId == null) {
            return "";
        }
        String name = NAMES.get(tableId);
        return name == null ? tableId : tableId + " " + name;
    }
}
