package org.perinatalequity.geography;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The area code field of a boundary file, recognised from its name as ONS spells it in every release
 * ({@code LSOA21CD}, {@code LSOA11CD}, {@code MSOA21CD}, {@code WD25CD}, {@code LAD25CD}...), with the name field beside
 * it ({@code LSOA21NM}) and the vintage its two digits give. A file carrying several (a ward file with its
 * {@code LAD25CD}) is keyed by the smallest area.
 *
 * @param vintage the year of the codes, e.g. {@code 2021} for {@code LSOA21CD}
 */
public record CodeField(AreaLevel level, String field, @Nullable String nameField, String vintage) {

    private static final List<Candidate> CANDIDATES = List.of(
            new Candidate(AreaLevel.LSOA, Pattern.compile("lsoa(\\d{2})cd")),
            new Candidate(AreaLevel.MSOA, Pattern.compile("msoa(\\d{2})cd")),
            new Candidate(AreaLevel.WARD, Pattern.compile("wd(\\d{2})cd")),
            new Candidate(AreaLevel.LAD, Pattern.compile("lad(\\d{2})cd")));

    private record Candidate(AreaLevel level, Pattern pattern) {
    }

    /** The field names a code field is looked for among, for error messages. */
    public static final String EXPECTED = "LSOA21CD, LSOA11CD, MSOA21CD, WDnnCD or LADnnCD";

    public static Optional<CodeField> detect(List<String> fields) {
        for (Candidate candidate : CANDIDATES) {
            for (String field : fields) {
                Matcher m = candidate.pattern().matcher(field.strip().toLowerCase(Locale.ROOT));
                if (m.matches()) {
                    String prefix = field.strip().substring(0, field.strip().length() - 2);
                    String nameField = fields.stream().filter(f -> f.strip().equalsIgnoreCase(prefix + "nm"))
                            .findFirst().orElse(null);
                    return Optional.of(new CodeField(candidate.level(), field, nameField, "20" + m.group(1)));
                }
            }
        }
        return Optional.empty();
    }
}
