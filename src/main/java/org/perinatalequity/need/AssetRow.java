package org.perinatalequity.need;

import org.jspecify.annotations.Nullable;

/**
 * One entry of the community assets register ({@code GET /api/assets}, DESIGN.md section 8): {@code lsoa} from the
 * postcode directory (null when its postcode is not in it).
 */
public record AssetRow(String name, String type, @Nullable String postcode, @Nullable String lsoa,
        @Nullable String services, @Nullable String languages, @Nullable String opening, @Nullable String contact) {
}
