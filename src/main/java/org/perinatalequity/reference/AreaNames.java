package org.perinatalequity.reference;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.perinatalequity.measures.Dimension;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Names of the coded areas (local authorities, LSOAs, MSOAs, wards, neighbourhoods, PCNs, GP practices) from the name columns of the loaded
 * reference files, so codes such as {@code E06000016} are shown as "Leicester". A code no file names has no
 * entry: callers show the code alone.
 */
@Service
public class AreaNames {

    /** The dimensions whose groups are codes with names (DESIGN.md section 8, Analyst API). */
    public static final Set<Dimension> NAMED = Set.of(Dimension.LOCAL_AUTHORITY, Dimension.LSOA, Dimension.PCN,
            Dimension.GP_PRACTICE, Dimension.MSOA, Dimension.WARD, Dimension.NEIGHBOURHOOD);

    private final JdbcClient jdbc;

    AreaNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static boolean isNamed(Dimension dimension) {
        return NAMED.contains(dimension);
    }

    /** Code → name for a coded dimension (empty for any other dimension). */
    public Map<String, String> names(Dimension dimension) {
        String sql = switch (dimension) {
            // The LLR districts are named even before an IMD file is loaded; the file's own names come after
            case LOCAL_AUTHORITY -> "SELECT la_code, la_name, 0 AS rank FROM ref_llr_place UNION ALL"
                    + " SELECT la_code, any_value(la_name), 1 FROM ref_imd WHERE la_code IS NOT NULL"
                    + " AND la_name IS NOT NULL GROUP BY la_code ORDER BY rank, la_code";
            case LSOA -> "SELECT lsoa, any_value(lsoa_name ORDER BY vintage DESC) FROM ref_imd"
                    + " WHERE lsoa_name IS NOT NULL GROUP BY lsoa ORDER BY lsoa";
            case PCN -> "SELECT pcn_code, any_value(pcn_name ORDER BY practice_code) FROM ref_gp_pcn"
                    + " WHERE pcn_code IS NOT NULL AND pcn_name IS NOT NULL GROUP BY pcn_code ORDER BY pcn_code";
            case GP_PRACTICE -> "SELECT practice_code, practice_name FROM ref_gp_pcn WHERE practice_name IS NOT NULL"
                    + " ORDER BY practice_code";
            // The boundary files' own names (MSOA11NM, WD23NM...), the latest vintage first
            case MSOA, WARD -> "SELECT code, any_value(name ORDER BY vintage DESC) FROM ref_boundary WHERE level = '"
                    + dimension.id() + "' AND name IS NOT NULL GROUP BY code ORDER BY code";
            case NEIGHBOURHOOD -> "SELECT neighbourhood_code, min(neighbourhood_name) FROM ref_neighbourhood"
                    + " WHERE neighbourhood_name IS NOT NULL GROUP BY neighbourhood_code ORDER BY neighbourhood_code";
            default -> null;
        };
        Map<String, String> names = new LinkedHashMap<>();
        if (sql != null) {
            jdbc.sql(sql).query(rs -> {
                names.put(rs.getString(1), rs.getString(2));
            });
        }
        return names;
    }
}
