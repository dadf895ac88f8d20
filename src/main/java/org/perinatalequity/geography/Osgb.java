package org.perinatalequity.geography;

/**
 * WGS84 longitude/latitude → British National Grid (EPSG:27700) easting/northing, by the Ordnance Survey's published
 * formulas ("A guide to coordinate systems in Great Britain", 2020): the seven-parameter Helmert transformation from
 * WGS84 (taken as ETRS89) to OSGB36 on the Airy 1830 ellipsoid, then the National Grid's transverse Mercator
 * projection. The Helmert step is good to about 5 metres across Great Britain (OS's own figure; OSTN15 would give
 * centimetres but needs a 15 MB grid), which is well under the 20 m generalisation of the ONS BGC boundaries we draw.
 */
public final class Osgb {

    // WGS84 (GRS80 differs by 0.1 mm, below anything drawn) and Airy 1830.
    private static final double WGS84_A = 6_378_137.000;
    private static final double WGS84_B = 6_356_752.3142;
    private static final double AIRY_A = 6_377_563.396;
    private static final double AIRY_B = 6_356_256.909;

    // Helmert WGS84 → OSGB36: translations in metres, scale in ppm, rotations in arc-seconds.
    private static final double TX = -446.448;
    private static final double TY = 125.157;
    private static final double TZ = -542.060;
    private static final double S = 20.4894e-6;
    private static final double RX = Math.toRadians(-0.1502 / 3600);
    private static final double RY = Math.toRadians(-0.2470 / 3600);
    private static final double RZ = Math.toRadians(-0.8421 / 3600);

    // National Grid projection.
    private static final double F0 = 0.9996012717;
    private static final double LAT0 = Math.toRadians(49);
    private static final double LON0 = Math.toRadians(-2);
    private static final double E0 = 400_000;
    private static final double N0 = -100_000;

    private Osgb() {
    }

    /** Easting and northing in metres ({@code [e, n]}) of a WGS84 position in degrees (height taken as 0). */
    public static double[] toNationalGrid(double longitude, double latitude) {
        double[] osgb36 = toOsgb36(Math.toRadians(latitude), Math.toRadians(longitude));
        return project(osgb36[0], osgb36[1]);
    }

    /** Latitude and longitude in radians on OSGB36/Airy 1830 of a WGS84 position in radians. */
    static double[] toOsgb36(double lat, double lon) {
        double e2 = 1 - (WGS84_B * WGS84_B) / (WGS84_A * WGS84_A);
        double nu = WGS84_A / Math.sqrt(1 - e2 * Math.sin(lat) * Math.sin(lat));
        double x = nu * Math.cos(lat) * Math.cos(lon);
        double y = nu * Math.cos(lat) * Math.sin(lon);
        double z = nu * (1 - e2) * Math.sin(lat);

        double x2 = TX + (1 + S) * x - RZ * y + RY * z;
        double y2 = TY + RZ * x + (1 + S) * y - RX * z;
        double z2 = TZ - RY * x + RX * y + (1 + S) * z;

        double ae2 = 1 - (AIRY_B * AIRY_B) / (AIRY_A * AIRY_A);
        double p = Math.sqrt(x2 * x2 + y2 * y2);
        double phi = Math.atan2(z2, p * (1 - ae2));
        for (int i = 0; i < 10; i++) { // converges to well under a millimetre in three or four steps
            double v = AIRY_A / Math.sqrt(1 - ae2 * Math.sin(phi) * Math.sin(phi));
            phi = Math.atan2(z2 + ae2 * v * Math.sin(phi), p);
        }
        return new double[] { phi, Math.atan2(y2, x2) };
    }

    /** The National Grid transverse Mercator projection of an OSGB36 latitude/longitude in radians: {@code [e, n]}. */
    static double[] project(double phi, double lambda) {
        double a = AIRY_A;
        double b = AIRY_B;
        double e2 = 1 - (b * b) / (a * a);
        double n = (a - b) / (a + b);
        double sin = Math.sin(phi);
        double cos = Math.cos(phi);
        double tan = Math.tan(phi);
        double nu = a * F0 / Math.sqrt(1 - e2 * sin * sin);
        double rho = a * F0 * (1 - e2) / Math.pow(1 - e2 * sin * sin, 1.5);
        double eta2 = nu / rho - 1;
        double dPhi = phi - LAT0;
        double sPhi = phi + LAT0;
        double m = b * F0 * ((1 + n + 1.25 * n * n + 1.25 * n * n * n) * dPhi
                - (3 * n + 3 * n * n + 21.0 / 8 * n * n * n) * Math.sin(dPhi) * Math.cos(sPhi)
                + (15.0 / 8 * n * n + 15.0 / 8 * n * n * n) * Math.sin(2 * dPhi) * Math.cos(2 * sPhi)
                - 35.0 / 24 * n * n * n * Math.sin(3 * dPhi) * Math.cos(3 * sPhi));
        double i = m + N0;
        double ii = nu / 2 * sin * cos;
        double iii = nu / 24 * sin * Math.pow(cos, 3) * (5 - tan * tan + 9 * eta2);
        double iiia = nu / 720 * sin * Math.pow(cos, 5) * (61 - 58 * tan * tan + Math.pow(tan, 4));
        double iv = nu * cos;
        double v = nu / 6 * Math.pow(cos, 3) * (nu / rho - tan * tan);
        double vi = nu / 120 * Math.pow(cos, 5)
                * (5 - 18 * tan * tan + Math.pow(tan, 4) + 14 * eta2 - 58 * tan * tan * eta2);
        double dl = lambda - LON0;
        double north = i + ii * dl * dl + iii * Math.pow(dl, 4) + iiia * Math.pow(dl, 6);
        double east = E0 + iv * dl + v * Math.pow(dl, 3) + vi * Math.pow(dl, 5);
        return new double[] { east, north };
    }
}
