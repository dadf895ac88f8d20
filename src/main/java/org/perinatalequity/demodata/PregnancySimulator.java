package org.perinatalequity.demodata;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Decides the course of a pregnancy from the mother's ethnic group, deprivation and age ({@link OutcomeModel}). */
final class PregnancySimulator {

    static final String SMOKER = "77176002";
    static final String NON_SMOKER = "8392000";
    static final String EX_SMOKER = "8517006";
    static final String SMOKING_UNKNOWN = "266927001";
    static final String TEAR_1 = "57759005";
    static final String TEAR_2 = "6234006";
    static final String TEAR_3 = "10217006";
    static final String TEAR_4 = "399031001";

    private final OutcomeModel model;
    private final SplittableRandom rnd;
    private final NhsNumbers nhs;
    private long babyCount;

    PregnancySimulator(OutcomeModel model, SplittableRandom rnd, NhsNumbers nhs) {
        this.model = model;
        this.rnd = rnd;
        this.nhs = nhs;
    }

    Pregnancy simulate(String id, String deliveryId, Mother m, LocalDate birthDate, int previousLive,
            boolean twinsAllowed) {
        EthnicGroup g = m.group();
        int q = m.quintile();
        int ageAtBirth = (int) ChronoUnit.YEARS.between(m.birthDate(), birthDate);
        boolean twins = twinsAllowed && rnd.nextDouble() < model.twins(q, ageAtBirth);

        // Gestation and vital outcomes. Stillbirth is decided first so that preterm is a share of live births.
        double pPreterm = OutcomeModel.rate(model.preterm, g, q);
        double pStill = OutcomeModel.rate(model.stillbirth, g, q) * (twins ? 2.2 : 1.0);
        int babiesN = twins ? 2 : 1;
        boolean[] still = new boolean[babiesN];
        boolean anyStill = false;
        for (int b = 0; b < babiesN; b++) {
            still[b] = rnd.nextDouble() < pStill;
            anyStill |= still[b];
        }
        int gestation;
        boolean preterm;
        if (twins) {
            preterm = rnd.nextDouble() < 0.57;
            gestation = preterm ? pretermGestation() : 259 + rnd.nextInt(14);
        } else if (anyStill) {
            // 76% of stillbirths are preterm (MBRRACE-UK 2023); none before 24 weeks (168 days).
            preterm = rnd.nextDouble() < 0.76;
            gestation = preterm ? 168 + rnd.nextInt(91) : 259 + rnd.nextInt(30);
        } else {
            preterm = rnd.nextDouble() < pPreterm;
            gestation = preterm ? pretermGestation() : termGestation();
        }

        // Booking: early (0–70 days) per the calibrated table; late bookings spread up to the third trimester.
        boolean early = rnd.nextDouble() < OutcomeModel.rate(model.earlyBooking, g, q);
        int gb = early ? 35 + rnd.nextInt(36) : lateBookingGestation();
        gb = Math.min(gb, gestation - 14);
        LocalDate booking = birthDate.minusDays(gestation - gb);

        // Smoking: a booking smoker keeps smoking with probability SATOD / booking rate, so both margins hold.
        double pSatod = OutcomeModel.rate(model.smokingDelivery, g, q);
        double pBookingSmoker = Math.min(0.6, pSatod * OutcomeModel.BOOKING_SMOKING_RATIO);
        boolean smokerAtBooking = rnd.nextDouble() < pBookingSmoker;
        boolean smokerAtDelivery = smokerAtBooking && rnd.nextDouble() < pSatod / pBookingSmoker;
        boolean exSmoker = !smokerAtBooking && rnd.nextDouble() < 0.12;
        String smokingBooking = smokingRecord(smokerAtBooking, exSmoker, 0.033 * m.qualityFactor(), 0.02);
        String smokingDelivery = smokingRecord(smokerAtDelivery, exSmoker || smokerAtBooking,
                0.025 * m.qualityFactor(), 0.02);

        // Mode of birth.
        boolean allStill = anyStill && (!twins || (still[0] && still[1]));
        String method;
        double u = rnd.nextDouble();
        double pEmergency = twins ? 0.30 : allStill ? 0.15 : OutcomeModel.rate(model.emergencyCaesarean, g, q);
        double pElective = twins ? 0.35 : allStill ? 0.03 : model.electiveCaesarean(g);
        if (u < pEmergency) {
            method = "8";
        } else if (u < pEmergency + pElective) {
            method = "7";
        } else {
            method = vaginalMethod(previousLive == 0);
        }
        boolean caesarean = method.equals("7") || method.equals("8");
        String presentation = presentation(method, caesarean);

        // Previous caesareans are drawn given this birth's mode, so VBAC and Robson 5 look real.
        int prevCs = 0;
        if (previousLive > 0) {
            double pPrevCs = method.equals("7") ? 0.55 : method.equals("8") ? 0.15 : 0.05;
            prevCs = rnd.nextDouble() < pPrevCs ? (rnd.nextDouble() < 0.8 ? 1 : 2) : 0;
            prevCs = Math.min(prevCs, previousLive);
        }

        String labourOnset;
        LocalDate onsetDate = null;
        if (method.equals("7") && rnd.nextDouble() < 0.85) {
            labourOnset = "";
        } else if (method.equals("7")) {
            labourOnset = "2";
            onsetDate = birthDate;
        } else {
            double v = rnd.nextDouble();
            labourOnset = v < 0.62 ? "1" : v < 0.88 ? "4" : v < 0.94 ? "3" : "5";
            onsetDate = rnd.nextDouble() < 0.2 ? birthDate.minusDays(1) : birthDate;
        }
        String setting = birthSetting(caesarean || preterm || twins, m.team());

        int bloodLoss = bloodLoss(rnd.nextDouble() < model.pph(g, caesarean), caesarean);
        String tear = caesarean ? null : tear(method, previousLive == 0);

        List<Baby> babies = new ArrayList<>(babiesN);
        for (int b = 0; b < babiesN; b++) {
            babies.add(baby(b + 1, still[b], g, q, gestation, preterm, twins, birthDate));
        }

        double folicU = rnd.nextDouble();
        double pBefore = model.folicBeforePregnancy(g, ageAtBirth);
        String folic = folicU < pBefore ? "01" : folicU < pBefore + 0.55 ? "02" : folicU < 0.97 ? "03" : "ZZ";
        boolean coc = gb <= 196 && rnd.nextDouble() < model.continuityOfCarer(g, q);
        boolean pcsp = rnd.nextDouble() < model.personalisedCarePlan(q, m.qualityFactor());
        int prevStill = previousLive > 0 && rnd.nextDouble() < 0.01 ? 1 : 0;
        int prevLoss = rnd.nextDouble() < 0.2 ? (rnd.nextDouble() < 0.8 ? 1 : 2) : 0;

        return new Pregnancy(id, deliveryId, m, ageAtBirth, booking, gb, birthDate, gestation, babies, method,
                presentation, labourOnset, onsetDate, setting, smokingBooking, smokingDelivery, bloodLoss, tear,
                previousLive, prevStill, prevCs, prevLoss, folic, coc, pcsp);
    }

    /** Preterm live births 154–258 days: most late preterm, a tail of very and extremely preterm babies. */
    private int pretermGestation() {
        double u = rnd.nextDouble();
        if (u < 0.05) {
            return 161 + rnd.nextInt(28);
        } else if (u < 0.15) {
            return 196 + rnd.nextInt(28);
        } else if (u < 0.28) {
            return 224 + rnd.nextInt(14);
        }
        return 238 + rnd.nextInt(21);
    }

    private int termGestation() {
        int gd = (int) Math.round(281 + rnd.nextGaussian() * 7.5);
        return Math.max(259, Math.min(gd, 296));
    }

    /** Bookings after 10 weeks: ~68% by 12+6 (71–90 days), the rest later, a few beyond 20 weeks. */
    private int lateBookingGestation() {
        double u = rnd.nextDouble();
        if (u < 0.68) {
            return 71 + rnd.nextInt(20);
        } else if (u < 0.90) {
            return 91 + rnd.nextInt(50);
        }
        return 141 + rnd.nextInt(100);
    }

    private String smokingRecord(boolean smoker, boolean former, double missing, double unknown) {
        double u = rnd.nextDouble();
        if (u < missing) {
            return null;
        } else if (u < missing + unknown) {
            return SMOKING_UNKNOWN;
        }
        return smoker ? SMOKER : former ? EX_SMOKER : NON_SMOKER;
    }

    /** Instrumental births: 28% of first vaginal births, 8% of later ones (NMPA 2022: 23% of all first births). */
    private String vaginalMethod(boolean firstBirth) {
        double u = rnd.nextDouble();
        if (u < 0.004) {
            return "5";
        }
        if (rnd.nextDouble() < (firstBirth ? 0.28 : 0.08)) {
            double v = rnd.nextDouble();
            return v < 0.3 ? "2" : v < 0.5 ? "3" : "4";
        }
        return rnd.nextDouble() < 0.97 ? "0" : "1";
    }

    private String presentation(String method, boolean caesarean) {
        if (method.equals("5")) {
            return "02";
        }
        double u = rnd.nextDouble();
        if (u < 0.003) {
            return "XX";
        }
        if (caesarean) {
            return u < 0.86 ? "01" : u < 0.98 ? "02" : u < 0.995 ? "03" : "04";
        }
        return u < 0.997 ? "01" : "03";
    }

    private String birthSetting(boolean obstetricOnly, String team) {
        if (obstetricOnly) {
            return "01";
        }
        double u = rnd.nextDouble();
        double fmu = team.equals("MELTON-RUT") ? 0.08 : 0.005;
        if (u < 0.78) {
            return "01";
        } else if (u < 0.78 + 0.16) {
            return "02";
        } else if (u < 0.94 + fmu) {
            return "03";
        } else if (u < 0.985) {
            return "04";
        } else if (u < 0.99) {
            return "09";
        }
        return "99";
    }

    private int bloodLoss(boolean pph, boolean caesarean) {
        if (pph) {
            return 1500 + (int) Math.min(3500, -Math.log(1 - rnd.nextDouble()) * 500);
        }
        double median = caesarean ? 600 : 300;
        int ml = (int) Math.round(median * Math.exp(rnd.nextGaussian() * 0.45) / 10) * 10;
        return Math.max(50, Math.min(ml, 1490));
    }

    private String tear(String method, boolean firstBirth) {
        boolean instrumental = method.equals("2") || method.equals("3") || method.equals("4");
        double u = rnd.nextDouble();
        double severe = model.severeTear(instrumental);
        if (u < severe) {
            return rnd.nextDouble() < 0.1 ? TEAR_4 : TEAR_3;
        } else if (u < severe + (firstBirth ? 0.45 : 0.30)) {
            return TEAR_2;
        } else if (u < severe + (firstBirth ? 0.62 : 0.50)) {
            return TEAR_1;
        }
        return null;
    }

    private Baby baby(int order, boolean still, EthnicGroup g, int q, int gestation, boolean preterm, boolean twins,
            LocalDate birthDate) {
        String lpid = String.format("B%09d", ++babyCount);
        String outcome = still ? (rnd.nextDouble() < 0.7 ? "02" : rnd.nextDouble() < 0.67 ? "03" : "04") : "01";
        double s = rnd.nextDouble();
        String sex = s < 0.513 ? "1" : s < 0.9988 ? "2" : s < 0.9996 ? "9" : "X";
        String time = String.format("%02d:%02d:%02d", rnd.nextInt(24), rnd.nextInt(60), rnd.nextInt(60));
        int weight = birthWeight(g, q, gestation, preterm, twins, still, sex);
        int apgar = still ? -1 : apgar(preterm || twins);
        String feed = "";
        LocalDate death = null;
        if (!still) {
            boolean breastMilk = rnd.nextDouble() < OutcomeModel.rate(model.breastMilk, g, q);
            feed = breastMilk ? (gestation < 224 && rnd.nextDouble() < 0.4 ? "02" : "01") : "03";
            double r = OutcomeModel.rate(model.neonatal, g, q);
            double pPre = OutcomeModel.rate(model.preterm, g, q);
            // 75% of neonatal deaths are preterm (MBRRACE-UK 2023): split the cell's rate by gestation.
            double pDeath = twins ? r * 3.5 * (preterm ? 1.4 : 0.5)
                    : preterm ? r * 0.75 / pPre : r * 0.25 / (1 - pPre);
            if (rnd.nextDouble() < pDeath) {
                death = birthDate.plusDays((long) Math.min(27, -Math.log(1 - rnd.nextDouble()) * 4));
            }
        }
        return new Baby(lpid, nhs.next(), order, outcome, sex, time, weight, apgar, feed, death);
    }

    /** Median weight by gestation (UK-WHO-like), lighter for South Asian and Black babies, twins and stillbirths. */
    private int birthWeight(EthnicGroup g, int q, int gestation, boolean preterm, boolean twins, boolean still,
            String sex) {
        double weeks = gestation / 7.0;
        double median = weeks >= 40 ? 3450 + (weeks - 40) * 100
                : weeks >= 37 ? 3450 - (40 - weeks) * 150
                : 3000 * Math.exp(-0.14 * (37 - weeks));
        median += switch (g) {
            case ASIAN -> -250;
            case BLACK -> -120;
            case MIXED, OTHER -> -60;
            default -> 0;
        };
        median += "1".equals(sex) ? 60 : -60;
        median *= twins ? 0.88 : 1.0;
        median *= still ? 0.85 : 1.0;
        boolean term = gestation >= 259;
        if (term && !still && !twins) {
            // Term low birth weight is decided by the calibrated rate, then a weight is drawn on the right side.
            boolean lbw = rnd.nextDouble() < OutcomeModel.rate(model.termLbw, g, q);
            if (lbw) {
                return 1900 + rnd.nextInt(600);
            }
            int w;
            do {
                w = (int) Math.round(median + rnd.nextGaussian() * 420);
            } while (w < 2500 || w > 5600);
            return w;
        }
        int w = (int) Math.round(median * Math.exp(rnd.nextGaussian() * 0.13));
        return Math.max(380, Math.min(w, 5200));
    }

    /** 5-minute Apgar: 0–6 in ≈1.2% of term singletons (NMPA), more often when preterm or a twin. */
    private int apgar(boolean atRisk) {
        if (rnd.nextDouble() < (atRisk ? 0.07 : 0.012)) {
            return 1 + rnd.nextInt(6);
        }
        double u = rnd.nextDouble();
        return u < 0.22 ? 10 : u < 0.92 ? 9 : u < 0.98 ? 8 : 7;
    }
}
