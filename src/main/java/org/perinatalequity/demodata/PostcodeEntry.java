package org.perinatalequity.demodata;

/**
 * One postcode of the synthetic directory.
 *
 * @param pcds       one-space form, e.g. "LE1 1AA"
 * @param terminated true when the directory lists a termination date although women still give it
 */
record PostcodeEntry(String pcds, Lsoa lsoa, boolean terminated, String dointr, int easting, int northing) {

    /** ONSPD {@code pcd}: 7 characters, inward code right-aligned ("LE1 1AA", "LE671AB"). */
    String pcd7() {
        String outward = outward();
        String inward = inward();
        if (outward.length() >= 4) {
            return outward + inward;
        }
        return outward + " ".repeat(4 - outward.length()) + inward;
    }

    /** ONSPD {@code pcd2}: 8 characters, outward code left-aligned in a 5-character field. */
    String pcd8() {
        return outward() + " ".repeat(5 - outward().length()) + inward();
    }

    String outward() {
        return pcds.substring(0, pcds.indexOf(' '));
    }

    String inward() {
        return pcds.substring(pcds.indexOf(' ') + 1);
    }
}
