package org.perinatalequity.demodata;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a synthetic MHSDS v6 provider submission (Leicestershire Partnership NHS Trust, RT5) for the sample's women:
 * the perinatal (C02) and maternal (F02) mental health referrals of some of them, their contacts and outcomes, with
 * access, DNA and refusal rates that vary by ethnic group and deprivation (docs/sample-data.md, "Mental health").
 * Its random numbers are its own stream, so adding it changes no maternity row. Nothing is dated after the period's
 * end: the submission is what the provider knew then, with every referral's history.
 */
final class MhsdsWriter implements AutoCloseable {

    static final String PROVIDER = "RT5";
    static final List<String> FILES = List.of("MHS000Header", "MHS001MPI", "MHS101Referral",
            "MHS102ServiceTypeReferredTo", "MHS201CareContact");

    /** Women referred to C02/F02 around a pregnancy, before the ethnic and deprivation factors. */
    private static final double REFERRAL = 0.10;
    /** Referrals rejected (not accepted by the team). */
    private static final double REJECTED = 0.12;
    /** Accepted referrals whose woman never attends (closed after DNAs and cancellations). */
    private static final double NEVER_SEEN = 0.07;
    /** Women seen only by telephone (not counted by MHS91). */
    private static final double TELEPHONE_ONLY = 0.05;
    /** MHSDS records without the NHS number (no link to MSDS), and with a mistyped one. */
    private static final double NO_NHS_NUMBER = 0.03;
    private static final double WRONG_NHS_NUMBER = 0.01;
    /** Referred women who are not in the maternity extract (they gave birth elsewhere), per referred woman. */
    private static final double NOT_IN_MSDS = 0.06;

    private final SplittableRandom rnd;
    private final LocalDate periodEnd;
    private final Path dir;
    private final TableWriter mpi;
    private final TableWriter referrals;
    private final TableWriter teams;
    private final TableWriter contacts;
    /** NHS numbers of women not in MSDS (and mistyped ones): a 98 range the maternity numbers (99) never use. */
    private long otherNhs;
    private long people;
    private long referralIds;
    private long contactIds;

    MhsdsWriter(Path dir, SplittableRandom rnd, LocalDate periodEnd) {
        this.dir = dir;
        this.rnd = rnd;
        this.periodEnd = periodEnd;
        this.mpi = new TableWriter("MHS001MPI", dir.resolve("MHS001MPI.csv"), List.of("LocalPatientId", "NHSNumber",
                "EthnicCategory", "Postcode", "GenderIDCode", "Gender", "GenderSameAtBirth", "LADistrictAuth"));
        this.referrals = new TableWriter("MHS101Referral", dir.resolve("MHS101Referral.csv"), List.of(
                "ServiceRequestId", "LocalPatientId", "ReferralRequestReceivedDate", "ServDischDate", "ReferClosReason",
                "ReferRejectionDate"));
        this.teams = new TableWriter("MHS102ServiceTypeReferredTo", dir.resolve("MHS102ServiceTypeReferredTo.csv"),
                List.of("ServiceRequestId", "ServTeamTypeRefToMH", "ReferClosureDate", "ReferRejectionDate"));
        this.contacts = new TableWriter("MHS201CareContact", dir.resolve("MHS201CareContact.csv"), List.of(
                "CareContactId", "ServiceRequestId", "CareContDate", "AttendStatus", "ConsMechanismMH"));
    }

    /**
     * Decides whether the woman is referred around one of her pregnancies in the extract and writes her record,
     * referral and contacts if so (once per woman: the first pregnancy that leads to a referral).
     */
    void writeWoman(Mother m, List<Pregnancy> pregnancies) {
        for (Pregnancy p : pregnancies) {
            if (rnd.nextDouble() < REFERRAL * ethnicFactor(m.group()) * deprivationFactor(m.quintile())) {
                LocalDate latest = p.birthDate().plusDays(300);
                int span = (int) java.time.temporal.ChronoUnit.DAYS.between(p.bookingDate(), latest);
                LocalDate received = p.bookingDate().plusDays(20 + rnd.nextInt(Math.max(1, span - 20)));
                if (received.isAfter(periodEnd)) {
                    return;
                }
                String person = writePerson(m, linkedNhs(m));
                writeReferral(person, m, received, received.isAfter(p.birthDate()));
                if (rnd.nextDouble() < NOT_IN_MSDS) {
                    // A neighbour (same area and ethnic category) who gave birth elsewhere: never in MSDS.
                    LocalDate other = received.plusDays(rnd.nextInt(60));
                    if (!other.isAfter(periodEnd)) {
                        writeReferral(writePerson(m, nextOtherNhs()), m, other, rnd.nextBoolean());
                    }
                }
                return;
            }
        }
    }

    /** The NHS number MHSDS holds for a woman of MSDS: usually hers, sometimes missing or mistyped. */
    private String linkedNhs(Mother m) {
        double u = rnd.nextDouble();
        if (u < NO_NHS_NUMBER) {
            return "";
        }
        return u < NO_NHS_NUMBER + WRONG_NHS_NUMBER ? nextOtherNhs() : m.nhsNumber();
    }

    private String nextOtherNhs() {
        while (true) {
            String body = "98" + String.format("%07d", Math.floorMod(1_234_567L + otherNhs++ * 7_919L, 10_000_000L));
            int check = NhsNumbers.checkDigit(body);
            if (check != 10) {
                return body + check;
            }
        }
    }

    private String writePerson(Mother m, String nhs) {
        String id = String.format("MH%08d", ++people);
        double u = rnd.nextDouble();
        String ethnic = u < 0.08 ? "99" : u < 0.12 ? "" : m.ethnicCategory();
        mpi.set(mpi.col("LocalPatientId"), id).set(mpi.col("NHSNumber"), nhs).set(mpi.col("EthnicCategory"), ethnic)
                .set(mpi.col("Postcode"), m.recordedPostcode()).set(mpi.col("GenderIDCode"), "2")
                .set(mpi.col("Gender"), "2").set(mpi.col("GenderSameAtBirth"), "Y")
                .set(mpi.col("LADistrictAuth"), m.lsoa().la().code());
        mpi.emit();
        return id;
    }

    /**
     * One referral: antenatal ones mostly to the community perinatal team (C02), postnatal ones more often to the
     * maternal mental health service (F02, birth trauma and loss). Rejected, accepted and never seen, or seen: a
     * course of contacts every one to four weeks, with DNAs more likely in deprived areas.
     */
    private void writeReferral(String person, Mother m, LocalDate received, boolean postnatal) {
        String id = String.format("SR%08d", ++referralIds);
        String team = rnd.nextDouble() < (postnatal ? 0.35 : 0.12) ? "F02" : "C02";
        double u = rnd.nextDouble();
        LocalDate rejected = null;
        LocalDate discharged = null;
        String closeReason = null;
        if (u < REJECTED * (m.quintile() <= 2 ? 1.3 : 1.0)) {
            LocalDate d = received.plusDays(5 + rnd.nextInt(20));
            rejected = d.isAfter(periodEnd) ? null : d;
        } else {
            boolean neverSeen = u < REJECTED + NEVER_SEEN;
            boolean telephoneOnly = !neverSeen && rnd.nextDouble() < TELEPHONE_ONLY;
            double dna = 0.07 * dnaFactor(m);
            int n = neverSeen ? 2 + rnd.nextInt(2) : 2 + rnd.nextInt(10);
            LocalDate date = received.plusDays(7 + rnd.nextInt(35));
            LocalDate last = null;
            int written = 0;
            for (; written < n && !date.isAfter(periodEnd); written++) {
                String status = neverSeen ? (rnd.nextDouble() < 0.7 ? "3" : "2") : status(dna);
                String mechanism = telephoneOnly ? "02" : mechanism();
                String contact = String.format("CC%09d", ++contactIds);
                contacts.set(contacts.col("CareContactId"), contact).set(contacts.col("ServiceRequestId"), id)
                        .set(contacts.col("CareContDate"), date.toString())
                        .set(contacts.col("AttendStatus"), status)
                        .set(contacts.col("ConsMechanismMH"), mechanism);
                contacts.emit();
                last = date;
                date = date.plusDays(7 + rnd.nextInt(22));
            }
            // Closed two to six weeks after the last contact of a finished course; a course the period cut short is open.
            LocalDate close = last == null ? null : last.plusDays(14 + rnd.nextInt(28));
            if (close != null && written == n && !close.isAfter(periodEnd)) {
                discharged = close;
                closeReason = neverSeen ? "05" : "01";
            }
        }
        referrals.set(referrals.col("ServiceRequestId"), id).set(referrals.col("LocalPatientId"), person)
                .set(referrals.col("ReferralRequestReceivedDate"), received.toString())
                .set(referrals.col("ServDischDate"), discharged == null ? null : discharged.toString())
                .set(referrals.col("ReferClosReason"), closeReason)
                .set(referrals.col("ReferRejectionDate"), rejected == null ? null : rejected.toString());
        referrals.emit();
        teams.set(teams.col("ServiceRequestId"), id).set(teams.col("ServTeamTypeRefToMH"), team)
                .set(teams.col("ReferClosureDate"), discharged == null ? null : discharged.toString())
                .set(teams.col("ReferRejectionDate"), rejected == null ? null : rejected.toString());
        teams.emit();
    }

    /** 5 on time, 6 late but seen, 3 did not attend, 7 late and not seen, 2 cancelled by her, 4 by the provider. */
    private String status(double dna) {
        double u = rnd.nextDouble();
        if (u < dna) {
            return "3";
        }
        u -= dna;
        return u < 0.015 ? "7" : u < 0.055 ? "2" : u < 0.085 ? "4" : u < 0.125 ? "6" : "5";
    }

    /** 01 face to face, 11 video, 02 telephone. */
    private String mechanism() {
        double u = rnd.nextDouble();
        return u < 0.62 ? "01" : u < 0.82 ? "11" : "02";
    }

    /**
     * Referral by ethnic group relative to White women: lower for Asian, Black and other minority women, as national
     * studies of perinatal mental health services report; women of unknown ethnicity as the average.
     */
    static double ethnicFactor(EthnicGroup group) {
        if (group == null) {
            return 0.8;
        }
        return switch (group) {
            case WHITE -> 1.0;
            case MIXED -> 0.85;
            case ASIAN -> 0.6;
            case BLACK -> 0.65;
            case OTHER -> 0.6;
        };
    }

    /**
     * Referral by IMD quintile: need is higher in more deprived areas, yet referral does not follow it (1.0 in the
     * three most deprived quintiles, 1.05 and 1.1 in the least), and referrals there are more often rejected and
     * appointments more often missed, so access is lowest where need is highest: the inequity the plan names.
     */
    static double deprivationFactor(int quintile) {
        return switch (quintile) {
            case 4 -> 1.05;
            case 5 -> 1.1;
            default -> 1.0;
        };
    }

    /** Missed appointments: more in deprived areas and among Black and Asian women. */
    private static double dnaFactor(Mother m) {
        double f = 1 + 0.15 * (3 - m.quintile());
        if (m.group() == EthnicGroup.BLACK) {
            f *= 1.4;
        } else if (m.group() == EthnicGroup.ASIAN) {
            f *= 1.2;
        }
        return f;
    }

    /** MHS000Header: a monthly submission for the period's last month, carrying every referral's history. */
    Path writeHeader() {
        try (TableWriter header = new TableWriter("MHS000Header", dir.resolve("MHS000Header.csv"),
                List.of("OrgIDProvider", "ReportingPeriodStartDate", "ReportingPeriodEndDate"))) {
            header.set(0, PROVIDER).set(1, periodEnd.withDayOfMonth(1).toString()).set(2, periodEnd.toString());
            header.emit();
            return header.file();
        }
    }

    Map<String, TableWriter> tables() {
        Map<String, TableWriter> out = new LinkedHashMap<>();
        for (TableWriter t : List.of(mpi, referrals, teams, contacts)) {
            out.put(t.name(), t);
        }
        return out;
    }

    @Override
    public void close() {
        mpi.close();
        referrals.close();
        teams.close();
        contacts.close();
    }
}
