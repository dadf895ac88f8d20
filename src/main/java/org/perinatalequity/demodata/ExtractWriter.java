package org.perinatalequity.demodata;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes mothers and pregnancies to the MSDS provider-layout tables as they are generated, so memory stays flat
 * however many births are asked for. Routine antenatal care (contacts, care plans) is decided here because it
 * only ever appears as rows.
 */
final class ExtractWriter implements AutoCloseable {

    static final String PROVIDER = "RWE";
    /** Synthetic UHL site codes: Leicester Royal Infirmary, Leicester General, St Mary's Birth Centre (Melton). */
    static final String SITE_LRI = "RWEAA";
    static final String SITE_LGH = "RWEAE";
    static final String SITE_FMU = "RWEMB";
    static final String BLOOD_LOSS = "1033591000000101";
    static final String BIRTH_WEIGHT = "364589006";
    static final String APGAR_5 = "169909004";
    private static final String SNOMED = "04";

    private final Map<String, TableWriter> tables = new LinkedHashMap<>();
    private final MsdsLayout layout;
    private final Path dir;
    private final SplittableRandom rnd;
    private final DataQuality quality;
    private final OutcomeModel model;
    private final Columns c;
    /** RPEndDate: nothing but EDDAgreed is dated after it (the future is not in a submission yet). */
    private final LocalDate periodEnd;
    private long contactIds;
    private long activityIds;

    ExtractWriter(Path dir, MsdsLayout layout, SplittableRandom rnd, DataQuality quality, OutcomeModel model,
            LocalDate periodEnd) {
        this.dir = dir;
        this.periodEnd = periodEnd;
        this.layout = layout;
        this.rnd = rnd;
        this.quality = quality;
        this.model = model;
        for (String t : MsdsLayout.TABLES) {
            if (!t.equals("MSD000")) {
                tables.put(t, new TableWriter(t, dir.resolve(t + ".csv"), layout.columns(t)));
            }
        }
        this.c = new Columns(tables);
    }

    /** @param firstBooking her first booking in the extract: a GP registration is not dated after it */
    void writeMother(Mother m, LocalDate firstBooking) {
        TableWriter t = c.t001;
        t.set(c.m001Lpid, m.lpid()).set(c.m001Org, PROVIDER).set(c.m001Dob, m.birthDate().toString())
                .set(c.m001Resp, m.lsoa().la().commissioner())
                .set(c.m001Nhs, quality.happens(0.003, m.qualityFactor()) ? "" : m.nhsNumber())
                .set(c.m001NhsStatus, "01").set(c.m001Postcode, m.recordedPostcode())
                .set(c.m001Ethnic, m.recordedEthnicCategory());
        t.emit();
        if (m.practice() != null) {
            c.t002.set(c.m002Lpid, m.lpid()).set(c.m002Gp, m.practice().code())
                    .set(c.m002Start, m.gpRegistrationStart(firstBooking).toString())
                    .set(c.m002Org, m.practice().la().commissioner());
            c.t002.emit();
        }
    }

    /**
     * Writes what the submission knows of a pregnancy at the period's end: a pregnancy not yet ended has its booking,
     * care plans and contacts so far, and no delivery or baby rows; after a birth, a later death or discharge is not
     * known yet.
     */
    void writePregnancy(Pregnancy p) {
        Mother m = p.mother();
        writeBooking(p, m);
        writeCarePlans(p, m);
        writeContacts(p, m);
        if (!p.birthDate().isAfter(periodEnd)) {
            writeDelivery(p, m);
            for (Baby b : p.babies()) {
                writeBaby(p, m, b);
            }
        }
    }

    private boolean known(LocalDate date) {
        return !date.isAfter(periodEnd);
    }

    /** The date as written, or blank when it falls after the period's end. */
    private String knownDate(LocalDate date) {
        return date == null || !known(date) ? "" : date.toString();
    }

    private void writeBooking(Pregnancy p, Mother m) {
        TableWriter t = c.t101;
        String booking = p.bookingDate().toString();
        if (rnd.nextDouble() < 0.0005) {
            booking = quality.brokenMandatoryDate(p.bookingDate());
        }
        String edd = p.edd().toString();
        double u = rnd.nextDouble();
        if (u < 0.0002) {
            edd = quality.impossibleDate(p.edd());
        } else if (u < 0.0002 + 0.005 * m.qualityFactor()) {
            edd = "";
        }
        t.set(c.b101Preg, p.id()).set(c.b101Lpid, m.lpid()).set(c.b101Comm, m.lsoa().la().commissioner())
                .set(c.b101Date, booking).set(c.b101First, p.bookingDate().minusDays(7 + rnd.nextInt(15)).toString())
                .set(c.b101Edd, edd).set(c.b101Disab, rnd.nextDouble() < 0.05 ? "Y" : "N")
                .set(c.b101Site, rnd.nextDouble() < 0.6 ? SITE_LRI : SITE_LGH).set(c.b101EddMethod, "01")
                .set(c.b101Lmp, p.bookingDate().minusDays(p.gestationAtBooking() + rnd.nextInt(-3, 4)).toString())
                .set(c.b101Complex, rnd.nextDouble() < 0.06 + 0.03 * (5 - m.quintile()) ? "Y" : "N")
                .set(c.b101PrevCs, Integer.toString(p.previousCaesareans()))
                .set(c.b101PrevLive, Integer.toString(p.previousLiveBirths()))
                .set(c.b101PrevStill, Integer.toString(p.previousStillBirths()))
                .set(c.b101PrevLoss, Integer.toString(p.previousLosses())).set(c.b101Folic, p.folicAcid());
        t.emit();
    }

    private void writeCarePlans(Pregnancy p, Mother m) {
        String midwife = midwife(m.team());
        boolean teamMissing = quality.happens(0.01, m.qualityFactor());
        carePlan(p, m, p.bookingDate(), "01", p.personalisedCarePlan() ? "Y" : "N", "N", midwife,
                teamMissing ? "" : m.team());
        if (p.continuityOfCarer()) {
            // Dated by 29+0 weeks (203 days) so the CoC measure counts it; a few lack the named midwife.
            int latest = Math.min(203, p.gestationAtBooking() + 21);
            LocalDate date = p.bookingDate().plusDays(rnd.nextInt(Math.max(1, latest - p.gestationAtBooking() + 1)));
            carePlan(p, m, date, "05", p.personalisedCarePlan() ? "Y" : "N", "Y",
                    rnd.nextDouble() < 0.03 ? "" : midwife, m.team());
        }
        if (p.gestation() > 252) {
            carePlan(p, m, p.bookingDate().plusDays(252L - p.gestationAtBooking()), "02",
                    p.personalisedCarePlan() ? "Y" : "N", p.continuityOfCarer() ? "Y" : "N", midwife,
                    teamMissing ? "" : m.team());
        }
    }

    private void carePlan(Pregnancy p, Mother m, LocalDate date, String type, String pcsp, String coc,
            String professional, String team) {
        if (!known(date)) {
            return;
        }
        c.t102.set(c.p102Preg, p.id()).set(c.p102Lpid, m.lpid()).set(c.p102Date, date.toString())
                .set(c.p102Type, type).set(c.p102Pcsp, pcsp).set(c.p102Coc, coc).set(c.p102Prof, professional)
                .set(c.p102Team, team).set(c.p102Site, SITE_LRI).set(c.p102Setting, "01");
        c.t102.emit();
    }

    private String midwife(String team) {
        return team + "-MW" + String.format("%02d", 1 + rnd.nextInt(14));
    }

    /** Routine schedule (NICE: 10 contacts for a first baby, 7 after), only those before the birth. */
    private static final int[] FIRST_BABY_WEEKS = {16, 25, 28, 31, 34, 36, 38, 40, 41};
    private static final int[] LATER_BABY_WEEKS = {16, 28, 34, 36, 38, 41};

    private void writeContacts(Pregnancy p, Mother m) {
        contact(p, m, p.bookingDate(), true);
        for (int week : p.nulliparous() ? FIRST_BABY_WEEKS : LATER_BABY_WEEKS) {
            int day = week * 7 + rnd.nextInt(-3, 4);
            if (day > p.gestationAtBooking() + 7 && day < p.gestation()) {
                contact(p, m, p.bookingDate().plusDays(day - p.gestationAtBooking()), false);
            }
        }
        int extra = rnd.nextDouble() < 0.5 ? 1 : rnd.nextDouble() < 0.3 ? 2 : 0;
        for (int k = 0; k < extra; k++) {
            int span = p.gestation() - p.gestationAtBooking() - 1;
            if (span > 1) {
                contact(p, m, p.bookingDate().plusDays(1 + rnd.nextInt(span)), false);
            }
        }
    }

    private void contact(Pregnancy p, Mother m, LocalDate date, boolean booking) {
        if (!known(date)) {
            return;
        }
        String id = String.format("C%011d", ++contactIds);
        int q = m.quintile();
        String medium = "01";
        String attend;
        if (booking) {
            attend = "5";
        } else {
            // Remote care ≈ 12% of contacts: video less often and telephone more often in deprived areas.
            double video = 0.025 * (0.5 + 0.25 * (q - 1));
            double phone = 0.115 * (1.1 - 0.05 * (q - 1));
            double u = rnd.nextDouble();
            medium = u < video ? "03" : u < video + phone ? "02" : "01";
            double v = rnd.nextDouble();
            double dna = model.didNotAttend(q, p.lateBooker(), p.age());
            attend = v < dna ? "3" : v < dna + 0.02 ? "2" : v < dna + 0.035 ? "4" : v < 0.97 ? "5" : "6";
        }
        String dateText = date.toString();
        if (!booking && rnd.nextDouble() < 0.0005) {
            dateText = quality.brokenMandatoryDate(date);
        }
        c.t201.set(c.c201Id, id).set(c.c201Preg, p.id()).set(c.c201Lpid, m.lpid()).set(c.c201Date, dateText)
                .set(c.c201Time, String.format("%02d:%02d:00", 8 + rnd.nextInt(9), 15 * rnd.nextInt(4)))
                .set(c.c201Comm, m.lsoa().la().commissioner())
                .set(c.c201Duration, booking ? "60" : medium.equals("01") ? "30" : "15")
                .set(c.c201Consult, booking ? "01" : "02").set(c.c201Medium, medium).set(c.c201Attend, attend);
        c.t201.emit();
        if (booking && p.smokingBooking() != null) {
            TableWriter t = c.t202;
            t.set(c.a202Id, String.format("A%011d", ++activityIds)).set(c.a202Con, id).set(c.a202Lpid, m.lpid())
                    .set(c.a202Team, m.team()).set(c.a202Scheme, SNOMED).set(c.a202Finding, p.smokingBooking());
            t.emit();
        }
    }

    private void writeDelivery(Pregnancy p, Mother m) {
        boolean caesarean = p.caesarean();
        String birth = p.birthDate().toString();
        TableWriter t = c.t301;
        t.set(c.d301Id, p.deliveryId()).set(c.d301Preg, p.id()).set(c.d301Lpid, m.lpid())
                .set(c.d301Site, SITE_LRI).set(c.d301Setting, p.setting().equals("02") ? "02" : "01")
                .set(c.d301Onset, p.labourOnset())
                .set(c.d301OnsetDate, p.labourOnsetDate() == null ? "" : p.labourOnsetDate().toString())
                .set(c.d301OnsetTime, p.labourOnsetDate() == null ? "" : onsetTime(p))
                .set(c.d301CsDate, caesarean ? birth : "")
                .set(c.d301CsTime, caesarean ? p.babies().get(0).birthTime() : "")
                .set(c.d301Admit, (p.labourOnsetDate() == null ? p.birthDate() : p.labourOnsetDate()).toString())
                .set(c.d301Discharge, knownDate(p.birthDate().plusDays(caesarean ? 2 + rnd.nextInt(2)
                        : rnd.nextInt(3))))
                .set(c.d301Lead, PROVIDER);
        t.emit();
        if (p.smokingDelivery() != null) {
            activity302(p, m, birth).set(c.l302Finding, p.smokingDelivery());
            c.t302.emit();
        }
        if (p.tearFinding() != null) {
            activity302(p, m, birth).set(c.l302Finding, p.tearFinding());
            c.t302.emit();
        }
        activity302(p, m, birth).set(c.l302ObsScheme, SNOMED).set(c.l302Obs, BLOOD_LOSS)
                .set(c.l302Value, Integer.toString(p.bloodLossMl())).set(c.l302Unit, "ml")
                .set(c.l302Critical, p.bloodLossMl() >= 2500 ? "Y" : "N");
        c.t302.emit();
    }

    private TableWriter activity302(Pregnancy p, Mother m, String date) {
        return c.t302.set(c.l302Id, p.deliveryId()).set(c.l302Date, date).set(c.l302Lpid, m.lpid())
                .set(c.l302Time, randomTime()).set(c.l302FindingScheme, SNOMED);
    }

    private void writeBaby(Pregnancy p, Mother m, Baby b) {
        double f = m.qualityFactor();
        String birth = p.birthDate().toString();
        String method = p.deliveryMethod();
        double u = rnd.nextDouble();
        if (u < 0.0005) {
            method = "X";
        } else if (u < 0.0005 + 0.003 * f) {
            method = "";
        }
        String site = switch (p.setting()) {
            case "03" -> SITE_FMU;
            case "04", "09", "99" -> "";
            default -> rnd.nextDouble() < 0.6 ? SITE_LRI : SITE_LGH;
        };
        String feed = b.firstFeed();
        if (!feed.isEmpty() && quality.happens(0.02, f)) {
            feed = "";
        }
        String ethnic = babyEthnicity(m);
        TableWriter t = c.t401;
        t.set(c.n401Lpid, b.lpid()).set(c.n401Del, p.deliveryId()).set(c.n401Mother, m.lpid())
                .set(c.n401Org, PROVIDER).set(c.n401Date, birth).set(c.n401Time, b.birthTime())
                .set(c.n401Outcome, b.outcome()).set(c.n401Sex, b.sex()).set(c.n401Ethnic, ethnic)
                .set(c.n401Nhs, b.nhsNumber()).set(c.n401NhsStatus, "01")
                .set(c.n401Fetal, p.id() + "-" + b.birthOrder()).set(c.n401Order, Integer.toString(b.birthOrder()))
                .set(c.n401Death, knownDate(b.deathDate()))
                .set(c.n401Presentation, p.presentation())
                .set(c.n401Gestation, rnd.nextDouble() < 0.003 ? "" : Integer.toString(p.gestation()))
                .set(c.n401Method, method)
                .set(c.n401Water, p.setting().equals("02") || p.setting().equals("03")
                        ? (rnd.nextDouble() < 0.25 ? "Y" : "N") : "N")
                .set(c.n401Site, site).set(c.n401Setting, p.setting())
                .set(c.n401FeedDate, b.live() ? birth : "").set(c.n401FeedCode, feed)
                .set(c.n401Skin, b.live() ? (rnd.nextDouble() < 0.85 ? "Y" : "N") : "")
                .set(c.n401Discharge, b.live() && b.deathDate() == null
                        ? knownDate(p.birthDate().plusDays(p.gestation() < 259 ? 7 + rnd.nextInt(30) : rnd.nextInt(4)))
                        : "");
        t.emit();
        if (!quality.happens(0.01, f)) {
            observation(b, birth, BIRTH_WEIGHT, Integer.toString(b.weightGrams()), "g");
        }
        if (b.apgar5() >= 0) {
            observation(b, birth, APGAR_5, Integer.toString(b.apgar5()), "{score}");
        }
    }

    /** Babies mostly share the mother's category; some are recorded as mixed heritage, some not at all. */
    private String babyEthnicity(Mother m) {
        double u = rnd.nextDouble();
        if (u < 0.06 * m.qualityFactor()) {
            return "";
        } else if (u < 0.06 * m.qualityFactor() + 0.05) {
            return List.of("D", "E", "F", "G").get(rnd.nextInt(4));
        }
        return m.ethnicCategory();
    }

    private void observation(Baby b, String date, String code, String value, String unit) {
        c.t405.set(c.o405Id, String.format("AB%010d", ++activityIds)).set(c.o405Lpid, b.lpid())
                .set(c.o405Date, date).set(c.o405Time, b.birthTime()).set(c.o405Scheme, SNOMED)
                .set(c.o405Code, code).set(c.o405Value, value).set(c.o405Unit, unit);
        c.t405.emit();
    }

    /** Labour starts before the first baby is born: earlier the same day, or the evening before. */
    private String onsetTime(Pregnancy p) {
        if (!p.labourOnsetDate().equals(p.birthDate())) {
            return String.format("%02d:%02d:00", 16 + rnd.nextInt(8), rnd.nextInt(60));
        }
        int birthMinute = Integer.parseInt(p.babies().get(0).birthTime().substring(0, 2)) * 60
                + Integer.parseInt(p.babies().get(0).birthTime().substring(3, 5));
        int onset = rnd.nextInt(birthMinute + 1);
        return String.format("%02d:%02d:00", onset / 60, onset % 60);
    }

    private String randomTime() {
        return String.format("%02d:%02d:00", rnd.nextInt(24), rnd.nextInt(60));
    }

    /** Writes MSD000: the reporting period the submission covers (earlier bookings of open pregnancies lie before it). */
    Path writeHeader(LocalDate periodStart) {
        Path file = dir.resolve("MSD000.csv");
        try (TableWriter t = new TableWriter("MSD000", file, layout.columns("MSD000"))) {
            t.set(t.col("OrgCodeProvider"), PROVIDER).set(t.col("RPStartDate"), periodStart.toString())
                    .set(t.col("RPEndDate"), periodEnd.toString());
            t.emit();
        }
        return file;
    }

    Map<String, TableWriter> tables() {
        return tables;
    }

    @Override
    public void close() {
        tables.values().forEach(TableWriter::close);
    }
}
