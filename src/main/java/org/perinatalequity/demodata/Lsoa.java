package org.perinatalequity.demodata;

import java.util.ArrayList;
import java.util.List;

/** A synthetic 2011 LSOA: its deprivation, its main postcode district, its community team and its postcodes. */
final class Lsoa {

    private final String code;
    private final String name;
    private final LocalAuthority la;
    private final int decile;
    private final int rank;
    private final String district;
    private final String team;
    private final List<PostcodeEntry> postcodes = new ArrayList<>();

    Lsoa(String code, String name, LocalAuthority la, int decile, int rank, String district, String team) {
        this.code = code;
        this.name = name;
        this.la = la;
        this.decile = decile;
        this.rank = rank;
        this.district = district;
        this.team = team;
    }

    String code() {
        return code;
    }

    String name() {
        return name;
    }

    LocalAuthority la() {
        return la;
    }

    int decile() {
        return decile;
    }

    /** IMD quintile, 1 = most deprived (deciles 1–2) … 5 = least deprived. */
    int quintile() {
        return (decile + 1) / 2;
    }

    int rank() {
        return rank;
    }

    String district() {
        return district;
    }

    String team() {
        return team;
    }

    List<PostcodeEntry> postcodes() {
        return postcodes;
    }
}
