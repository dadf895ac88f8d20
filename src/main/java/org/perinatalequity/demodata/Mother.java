package org.perinatalequity.demodata;

import java.time.LocalDate;

/**
 * A woman's true characteristics (what drives her outcomes) and what her records say (which data-quality defects
 * may have changed).
 *
 * @param recordedEthnicCategory  the value written to MSD001, possibly blank, 99, Z or invalid
 * @param recordedPostcode        the value written to MSD001, possibly blank, ZZ99, malformed or unknown
 * @param practice                her GP practice, or null when MSD002 has no row for her
 */
record Mother(String lpid, String nhsNumber, LocalDate birthDate, String ethnicCategory, EthnicGroup group,
        Lsoa lsoa, String recordedEthnicCategory, String recordedPostcode, GpPractice practice, String team,
        double qualityFactor) {

    /** IMD quintile of her LSOA, 1 = most deprived. */
    int quintile() {
        return lsoa.quintile();
    }

    /** Registered as an adult, or, when that would fall after {@code notAfter}, as a child. */
    LocalDate gpRegistrationStart(LocalDate notAfter) {
        int days = lpid.hashCode() & 0x7ff;
        LocalDate adult = birthDate.plusYears(18).plusDays(days);
        return adult.isAfter(notAfter) ? birthDate.plusDays(days) : adult;
    }
}
