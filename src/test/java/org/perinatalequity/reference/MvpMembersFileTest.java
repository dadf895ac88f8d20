package org.perinatalequity.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The MVP membership list: recognised by its header, each row checked, rejects naming line, column, value, reason. */
class MvpMembersFileTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    private static MvpMembersFile.Read read(String text) {
        ReferenceLayout layout = ReferenceLayout.detect(List.of(text.lines().findFirst().orElseThrow().split(",", -1)))
                .orElseThrow();
        assertThat(layout.kind()).isEqualTo(ReferenceLayout.Kind.mvp_members);
        return MvpMembersFile.read(text, "mvp.csv", layout, TODAY);
    }

    @Test
    void theHeaderIsRecognisedWhateverItsCaseAndSpacing() {
        assertThat(ReferenceLayout.detect(List.of("Member ID", "Ethnic Category", "Postcode District", "Joined",
                "Left")).orElseThrow().kind()).isEqualTo(ReferenceLayout.Kind.mvp_members);
        assertThat(ReferenceLayout.detect(List.of("member_id", "ethnicity", "lsoa", "date_joined"))
                .orElseThrow().positions()).containsEntry(ReferenceLayout.Field.LSOA, 2)
                .doesNotContainKey(ReferenceLayout.Field.LEFT);
        // Without the joining date it is not an MVP list (and not any other reference file).
        assertThat(ReferenceLayout.detect(List.of("member_id", "ethnic_category"))).isEmpty();
        // A neighbourhood file is still a neighbourhood file.
        assertThat(ReferenceLayout.detect(List.of("LSOA11CD", "neighbourhood_code")).orElseThrow().kind())
                .isEqualTo(ReferenceLayout.Kind.neighbourhood);
    }

    @Test
    void goodRowsLoadAndBadRowsAreRejectedByLineAndColumn() {
        MvpMembersFile.Read read = read("""
                member_id,ethnic_category,postcode_district,lsoa,joined,left
                M1,a,LE1,,2021-04-01,
                M2,H,,E01900615,01/05/2022,2024-03-31
                ,A,LE2,,2021-04-01,
                M4,Q,LE3,,2021-04-01,
                M5,B,LE4,,2021-02-30,
                M6,C,LE5,,,
                M7,N,LE6,,2023-01-01,2022-12-31
                M8,D,LE7,,2026-01-01,

                M1,A,LE1,,2021-04-01,
                M10,,le 67,,2020-01-01,
                M11,Z,LEICESTER,E0100,2020-01-01,
                """);
        assertThat(read.rejects()).extracting(ReferenceReport.Reject::line, ReferenceReport.Reject::column,
                ReferenceReport.Reject::value).containsExactly(
                        tuple(4L, "member_id", ""),
                        tuple(5L, "ethnic_category", "Q"),
                        tuple(6L, "joined", "2021-02-30"),
                        tuple(7L, "joined", ""),
                        tuple(8L, "left", "2022-12-31"),
                        tuple(9L, "joined", "2026-01-01"),
                        // the blank line 10 is skipped; line 11 repeats line 2's member and date
                        tuple(11L, "member_id", "(withheld)"));
        assertThat(read.rejects().get(1).toString()).isEqualTo("mvp.csv line 5, column ethnic_category: 'Q' is not"
                + " an NHS ethnic category (A to S, Z or 99; blank when not known)");
        assertThat(read.rejects().get(4).reason()).isEqualTo("is before the joining date 2023-01-01");
        assertThat(read.members()).extracting(MvpMembersFile.Member::line, MvpMembersFile.Member::ethnicCategory,
                MvpMembersFile.Member::postcodeDistrict, MvpMembersFile.Member::lsoa, MvpMembersFile.Member::joined,
                MvpMembersFile.Member::left).containsExactly(
                        tuple(2L, "A", "LE1", null, LocalDate.of(2021, 4, 1), null),
                        tuple(3L, "H", null, "E01900615", LocalDate.of(2022, 5, 1), LocalDate.of(2024, 3, 31)),
                        tuple(12L, null, "LE67", null, LocalDate.of(2020, 1, 1), null),
                        tuple(13L, "Z", null, null, LocalDate.of(2020, 1, 1), null));
        // A district or LSOA of the wrong shape leaves the row in, without it, and says so.
        assertThat(read.warnings()).containsExactly(
                "mvp.csv line 13, column postcode_district: 'LEICESTER' is not a postcode district (LE1, LE67); the"
                        + " membership is loaded without it",
                "mvp.csv line 13, column lsoa: 'E0100' is not an LSOA code (E01 and six digits); the membership is"
                        + " loaded without it");
        // No message repeats a member id.
        assertThat(read.rejects()).noneMatch(r -> r.toString().contains("M1") || r.toString().contains("M4"));
    }

    @Test
    void aQuotedFieldOverTwoLinesKeepsTheLineNumbersRight() {
        MvpMembersFile.Read read = read("member_id,ethnic_category,joined\n\"M\n1\",A,2021-01-01\nM2,X,2021-01-01\n");
        assertThat(read.rejects()).singleElement().satisfies(r -> assertThat(r.line()).isEqualTo(4));
    }
}
