package org.perinatalequity.reference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Recognises an official reference file from its header, never from one release's exact names:
 * ONSPD and NSPL in the old lower-case style ({@code pcd, oslaua|laua, lsoa11, lsoa21}) and the
 * vintage-suffixed style ({@code pcd7, lad25cd, lsoa21cd}); English Indices of Deprivation File 7 of
 * 2019 ({@code LSOA code (2011)}) and 2025 ({@code LSOA code (2021)}); a GP practice to PCN mapping; the ONS LSOA
 * 2011 → 2021 lookup ({@code LSOA11CD, LSOA21CD, CHGIND}); and the LMNS's neighbourhood file (an LSOA code column and
 * {@code neighbourhood_code}/{@code neighbourhood}, with {@code neighbourhood_name} optional); and the LMNS's Maternity
 * Voices Partnership membership list ({@code member_id}, {@code ethnic_category}, {@code joined}, with
 * {@code postcode_district}, {@code lsoa} and {@code left} optional); and the LMNS's community assets register
 * ({@code name,type,postcode,services,languages,opening,contact}).
 */
record ReferenceLayout(Kind kind, String description, String vintage, Map<Field, Integer> positions) {

    enum Kind {
        postcode_directory, imd, gp_pcn, lsoa_lookup, neighbourhood, mvp_members,
        /** Last: an asset's postcode is looked up in a directory loaded in the same call. */
        assets
    }

    /** The columns the loaders read; a layout maps each to a position in the file (or leaves it out). */
    enum Field {
        POSTCODE, POSTCODE_ONE_SPACE, TERMINATED, LA, COUNTRY, LSOA11, LSOA21,
        LSOA, LSOA_NAME, LA_NAME, IMD_SCORE, IMD_RANK, IMD_DECILE,
        PRACTICE, PCN_CODE, PCN_NAME, PRACTICE_NAME, CHANGE, NEIGHBOURHOOD_CODE, NEIGHBOURHOOD_NAME,
        MEMBER_ID, ETHNIC_CATEGORY, POSTCODE_DISTRICT, JOINED, LEFT, EASTING, NORTHING,
        NAME, TYPE, SERVICES, LANGUAGES, OPENING, CONTACT
    }

    Optional<Integer> position(Field field) {
        return Optional.ofNullable(positions.get(field));
    }

    static Optional<ReferenceLayout> detect(List<String> header) {
        List<String> names = header.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        return postcodeDirectory(names).or(() -> imd(names)).or(() -> gpPcn(names)).or(() -> neighbourhood(names))
                .or(() -> lsoaLookup(names)).or(() -> mvpMembers(names))
                .or(() -> assets(names));
    }

    private static Optional<ReferenceLayout> postcodeDirectory(List<String> names) {
        Map<Field, Integer> p = new LinkedHashMap<>();
        find(names, n -> n.equals("pcd") || n.equals("pcd7")).ifPresent(i -> p.put(Field.POSTCODE, i));
        find(names, n -> n.equals("pcds")).ifPresent(i -> p.put(Field.POSTCODE_ONE_SPACE, i));
        if (!p.containsKey(Field.POSTCODE) && p.containsKey(Field.POSTCODE_ONE_SPACE)) {
            p.put(Field.POSTCODE, p.get(Field.POSTCODE_ONE_SPACE));
        }
        find(names, n -> n.equals("doterm")).ifPresent(i -> p.put(Field.TERMINATED, i));
        find(names, matches("oslaua|laua|lad\\d{2}cd")).ifPresent(i -> p.put(Field.LA, i));
        find(names, matches("ctry|ctry\\d{2}cd")).ifPresent(i -> p.put(Field.COUNTRY, i));
        find(names, matches("lsoa11|lsoa11cd")).ifPresent(i -> p.put(Field.LSOA11, i));
        find(names, matches("lsoa21|lsoa21cd")).ifPresent(i -> p.put(Field.LSOA21, i));
        find(names, matches("oseast1m|east1m")).ifPresent(i -> p.put(Field.EASTING, i));
        find(names, matches("osnrth1m|north1m")).ifPresent(i -> p.put(Field.NORTHING, i));
        if (!p.containsKey(Field.POSTCODE) || !p.containsKey(Field.LA)
                || !(p.containsKey(Field.LSOA11) || p.containsKey(Field.LSOA21))) {
            return Optional.empty();
        }
        String style = names.contains("pcd7") ? "vintage-suffixed" : names.contains("laua") ? "NSPL" : "ONSPD";
        String description = "Postcode directory (" + style + ": " + names.get(p.get(Field.POSTCODE)) + ", "
                + names.get(p.get(Field.LA)) + (p.containsKey(Field.LSOA11) ? ", lsoa11" : "")
                + (p.containsKey(Field.LSOA21) ? ", lsoa21" : "") + ")";
        return Optional.of(new ReferenceLayout(Kind.postcode_directory, description, null, Map.copyOf(p)));
    }

    private static Optional<ReferenceLayout> imd(List<String> names) {
        Optional<Integer> lsoa2011 = find(names, n -> n.startsWith("lsoa code (2011)"));
        Optional<Integer> lsoa2021 = find(names, n -> n.startsWith("lsoa code (2021)"));
        Optional<Integer> decile = find(names, n -> n.startsWith("index of multiple deprivation (imd) decile"));
        if ((lsoa2011.isEmpty() && lsoa2021.isEmpty()) || decile.isEmpty()) {
            return Optional.empty();
        }
        Map<Field, Integer> p = new LinkedHashMap<>();
        p.put(Field.LSOA, lsoa2011.orElseGet(lsoa2021::get));
        p.put(Field.IMD_DECILE, decile.get());
        find(names, n -> n.startsWith("lsoa name")).ifPresent(i -> p.put(Field.LSOA_NAME, i));
        find(names, n -> n.startsWith("local authority district code")).ifPresent(i -> p.put(Field.LA, i));
        find(names, n -> n.startsWith("local authority district name")).ifPresent(i -> p.put(Field.LA_NAME, i));
        find(names, n -> n.startsWith("index of multiple deprivation (imd) score")).ifPresent(i -> p.put(Field.IMD_SCORE, i));
        find(names, n -> n.startsWith("index of multiple deprivation (imd) rank")).ifPresent(i -> p.put(Field.IMD_RANK, i));
        String vintage = lsoa2011.isPresent() ? "2019" : "2025";
        return Optional.of(new ReferenceLayout(Kind.imd, "English Indices of Deprivation " + vintage + " File 7 (LSOA "
                + (vintage.equals("2019") ? "2011" : "2021") + ")", vintage, Map.copyOf(p)));
    }

    private static Optional<ReferenceLayout> gpPcn(List<String> names) {
        Optional<Integer> practice = find(names, matches("practice_code|practice code|partner organisation code|org_code"));
        Optional<Integer> pcn = find(names, matches("pcn_code|pcn code"));
        if (practice.isEmpty() || pcn.isEmpty()) {
            return Optional.empty();
        }
        Map<Field, Integer> p = new LinkedHashMap<>();
        p.put(Field.PRACTICE, practice.get());
        p.put(Field.PCN_CODE, pcn.get());
        find(names, matches("pcn_name|pcn name")).ifPresent(i -> p.put(Field.PCN_NAME, i));
        find(names, matches("practice_name|practice name")).ifPresent(i -> p.put(Field.PRACTICE_NAME, i));
        return Optional.of(new ReferenceLayout(Kind.gp_pcn, "GP practice to primary care network mapping", null,
                Map.copyOf(p)));
    }

    private static Optional<ReferenceLayout> lsoaLookup(List<String> names) {
        Optional<Integer> lsoa11 = find(names, matches("lsoa11cd"));
        Optional<Integer> lsoa21 = find(names, matches("lsoa21cd"));
        if (lsoa11.isEmpty() || lsoa21.isEmpty()) {
            return Optional.empty();
        }
        Map<Field, Integer> p = new LinkedHashMap<>();
        p.put(Field.LSOA11, lsoa11.get());
        p.put(Field.LSOA21, lsoa21.get());
        find(names, matches("chgind")).ifPresent(i -> p.put(Field.CHANGE, i));
        return Optional.of(new ReferenceLayout(Kind.lsoa_lookup, "LSOA 2011 to LSOA 2021 lookup", null, Map.copyOf(p)));
    }

    private static Optional<ReferenceLayout> neighbourhood(List<String> names) {
        Optional<Integer> code = find(names, matches("neighbourhood(_code| code|_cd|cd)?"));
        Optional<Integer> lsoa = find(names, matches("lsoa(11|21)?(cd| code)?|lsoa_code"));
        if (code.isEmpty() || lsoa.isEmpty()) {
            return Optional.empty();
        }
        Map<Field, Integer> p = new LinkedHashMap<>();
        p.put(Field.LSOA, lsoa.get());
        p.put(Field.NEIGHBOURHOOD_CODE, code.get());
        find(names, matches("neighbourhood(_name| name|_nm|nm)")).ifPresent(i -> p.put(Field.NEIGHBOURHOOD_NAME, i));
        return Optional.of(new ReferenceLayout(Kind.neighbourhood, "LMNS neighbourhoods (LSOA to neighbourhood)", null,
                Map.copyOf(p)));
    }

    private static Optional<ReferenceLayout> mvpMembers(List<String> names) {
        Optional<Integer> member = find(names, matches("member[ _]?id|member"));
        Optional<Integer> ethnic = find(names, matches("ethnic[ _]?category|ethnicity|ethnic[ _]?group"));
        Optional<Integer> joined = find(names, matches("joined|joined[ _]?on|date[ _]?joined|start[ _]?date"));
        if (member.isEmpty() || ethnic.isEmpty() || joined.isEmpty()) {
            return Optional.empty();
        }
        Map<Field, Integer> p = new LinkedHashMap<>();
        p.put(Field.MEMBER_ID, member.get());
        p.put(Field.ETHNIC_CATEGORY, ethnic.get());
        p.put(Field.JOINED, joined.get());
        find(names, matches("postcode[ _]?district|district")).ifPresent(i -> p.put(Field.POSTCODE_DISTRICT, i));
        find(names, matches("lsoa(11|21)?(cd| code)?|lsoa_code")).ifPresent(i -> p.put(Field.LSOA, i));
        find(names, matches("left|left[ _]?on|date[ _]?left|end[ _]?date")).ifPresent(i -> p.put(Field.LEFT, i));
        return Optional.of(new ReferenceLayout(Kind.mvp_members, "Maternity Voices Partnership members", null,
                Map.copyOf(p)));
    }

    /** The columns of the assets register (DESIGN.md section 8); name, type and postcode are required. */
    static final List<String> ASSET_COLUMNS = List.of("name", "type", "postcode", "services", "languages", "opening",
            "contact");

    /**
     * An assets register is a file with a {@code name} column and at least three more of the register's columns, so
     * a register missing a required column is still recognised, and refused naming the column, rather than called
     * an unknown file.
     */
    private static Optional<ReferenceLayout> assets(List<String> names) {
        if (!names.contains("name")) {
            return Optional.empty();
        }
        Field[] fields = { Field.NAME, Field.TYPE, Field.POSTCODE, Field.SERVICES, Field.LANGUAGES, Field.OPENING,
                Field.CONTACT };
        Map<Field, Integer> p = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i++) {
            int position = names.indexOf(ASSET_COLUMNS.get(i));
            if (position >= 0) {
                p.put(fields[i], position);
            }
        }
        if (p.size() < 4) {
            return Optional.empty();
        }
        return Optional.of(new ReferenceLayout(Kind.assets, "Community assets register", null, Map.copyOf(p)));
    }

    private static Predicate<String> matches(String regex) {
        Pattern pattern = Pattern.compile(regex);
        return n -> pattern.matcher(n).matches();
    }

    private static Optional<Integer> find(List<String> names, Predicate<String> test) {
        for (int i = 0; i < names.size(); i++) {
            if (test.test(names.get(i))) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
