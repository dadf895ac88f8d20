package org.perinatalequity.demodata;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The dashboard's measures (DESIGN.md section 5) computed from a generated extract, by mother's ethnic group and
 * IMD quintile, so tests can compare realised rates with the targets.
 */
final class Measures {

    record ByGroup(Map<EthnicGroup, Rate> byEthnicGroup, Map<Integer, Rate> byQuintile, Rate total) {

        static ByGroup empty() {
            return new ByGroup(new EnumMap<>(EthnicGroup.class), new HashMap<>(), new Rate());
        }

        void add(EthnicGroup g, int quintile, boolean event) {
            total.add(event);
            if (g != null) {
                byEthnicGroup.computeIfAbsent(g, k -> new Rate()).add(event);
            }
            if (quintile > 0) {
                byQuintile.computeIfAbsent(quintile, k -> new Rate()).add(event);
            }
        }

        double group(EthnicGroup g) {
            return byEthnicGroup.get(g).value();
        }

        double quintile(int q) {
            return byQuintile.get(q).value();
        }
    }

    private final Extract e;
    private final Map<String, Map<String, String>> mothers;
    private final Map<String, Map<String, String>> bookings;
    private final Map<String, Integer> babiesPerDelivery = new HashMap<>();

    Measures(Extract e) {
        this.e = e;
        this.mothers = e.index("MSD001", "LPIDMother");
        this.bookings = e.index("MSD101", "PregnancyID");
        e.rows("MSD401").forEach(b -> babiesPerDelivery.merge(b.get("LabourDeliveryID"), 1, Integer::sum));
    }

    private ByGroup overBabies(BiConsumer<Map<String, String>, Adder> rule) {
        ByGroup result = ByGroup.empty();
        for (Map<String, String> b : e.rows("MSD401")) {
            Map<String, String> m = mothers.get(b.get("LPIDMother"));
            rule.accept(b, event -> result.add(e.group(m), e.quintile(m), event));
        }
        return result;
    }

    interface Adder {
        void add(boolean event);
    }

    private boolean singleton(Map<String, String> baby) {
        return babiesPerDelivery.get(baby.get("LabourDeliveryID")) == 1;
    }

    private static int gestation(Map<String, String> baby) {
        String g = baby.get("GestationLengthBirth");
        return g.isEmpty() ? -1 : Integer.parseInt(g);
    }

    ByGroup preterm() {
        return overBabies((b, add) -> {
            int g = gestation(b);
            if (singleton(b) && b.get("PregOutcome").equals("01") && g >= 154 && g <= 315) {
                add.add(g <= 258);
            }
        });
    }

    ByGroup stillbirth() {
        return overBabies((b, add) -> {
            boolean still = Set.of("02", "03", "04").contains(b.get("PregOutcome"));
            if (!still || gestation(b) >= 168) {
                add.add(still);
            }
        });
    }

    ByGroup neonatalDeath() {
        return overBabies((b, add) -> {
            if (b.get("PregOutcome").equals("01")) {
                add.add(!b.get("PersonDeathDateBaby").isEmpty());
            }
        });
    }

    ByGroup breastMilk() {
        return overBabies((b, add) -> {
            String code = b.get("BabyFirstFeedIndCode");
            if (Set.of("01", "02", "03").contains(code)) {
                add.add(!code.equals("03"));
            }
        });
    }

    ByGroup caesarean() {
        return overBabies((b, add) -> {
            String m = b.get("DeliveryMethodCode");
            if (m.matches("[0-9]")) {
                add.add(m.equals("7") || m.equals("8"));
            }
        });
    }

    ByGroup termLowBirthWeight() {
        Map<String, Integer> weight = new HashMap<>();
        e.rows("MSD405").stream().filter(o -> o.get("ObsCode").equals(ExtractWriter.BIRTH_WEIGHT))
                .forEach(o -> weight.put(o.get("LPIDBaby"), Integer.parseInt(o.get("ObsValue"))));
        return overBabies((b, add) -> {
            int g = gestation(b);
            Integer w = weight.get(b.get("LPIDBaby"));
            if (b.get("PregOutcome").equals("01") && g >= 259 && g <= 315 && w != null) {
                add.add(w < 2500);
            }
        });
    }

    ByGroup earlyBooking() {
        ByGroup result = ByGroup.empty();
        for (Map<String, String> p : e.rows("MSD101")) {
            try {
                LocalDate booking = LocalDate.parse(p.get("AntenatalAppDate"));
                LocalDate edd = LocalDate.parse(p.get("EDDAgreed"));
                long gest = 280 - ChronoUnit.DAYS.between(booking, edd);
                if (gest >= 0 && gest <= 300) {
                    Map<String, String> m = mothers.get(p.get("LPIDMother"));
                    result.add(e.group(m), e.quintile(m), gest <= 70);
                }
            } catch (DateTimeParseException ex) {
                // Invalid or missing dates are data-quality defects: not in the denominator.
            }
        }
        return result;
    }

    /** Smoking at delivery from MSD302 findings; unknown (266927001) is left out of the denominator. */
    ByGroup smokingAtDelivery() {
        ByGroup result = ByGroup.empty();
        Map<String, Map<String, String>> deliveries = e.index("MSD301", "LabourDeliveryID");
        for (Map<String, String> a : e.rows("MSD302")) {
            String f = a.get("FindingCode");
            if (f.equals(PregnancySimulator.SMOKER) || f.equals(PregnancySimulator.NON_SMOKER)
                    || f.equals(PregnancySimulator.EX_SMOKER)) {
                Map<String, String> d = deliveries.get(a.get("LabourDeliveryID"));
                Map<String, String> m = mothers.get(d.get("LPIDMother"));
                result.add(e.group(m), e.quintile(m), f.equals(PregnancySimulator.SMOKER));
            }
        }
        return result;
    }

    ByGroup didNotAttend() {
        ByGroup result = ByGroup.empty();
        for (Map<String, String> c : e.rows("MSD201")) {
            if (!c.get("AttendCode").isEmpty()) {
                Map<String, String> m = mothers.get(c.get("LPIDMother"));
                result.add(e.group(m), e.quintile(m), c.get("AttendCode").equals("3"));
            }
        }
        return result;
    }

    ByGroup remoteContacts() {
        ByGroup result = ByGroup.empty();
        for (Map<String, String> c : e.rows("MSD201")) {
            Map<String, String> m = mothers.get(c.get("LPIDMother"));
            result.add(e.group(m), e.quintile(m), !c.get("Medium").equals("01"));
        }
        return result;
    }

    ByGroup folicBefore() {
        ByGroup result = ByGroup.empty();
        for (Map<String, String> p : e.rows("MSD101")) {
            String f = p.get("FolicAcidSupplement");
            if (Set.of("01", "02", "03").contains(f)) {
                Map<String, String> m = mothers.get(p.get("LPIDMother"));
                result.add(e.group(m), e.quintile(m), f.equals("01"));
            }
        }
        return result;
    }

    /** Women with a CoC plan (type 05, pathway Y, named midwife and team) dated by 203 days' gestation. */
    ByGroup continuityOfCarer() {
        Set<String> withPlan = new java.util.HashSet<>();
        for (Map<String, String> c : e.rows("MSD102")) {
            Map<String, String> p = bookings.get(c.get("PregnancyID"));
            if (c.get("CarePlanType").equals("05") && c.get("ContCarePathInd").equals("Y")
                    && !c.get("CareProfLID").isEmpty() && !c.get("TeamLocalID").isEmpty()) {
                withPlan.add(p.get("PregnancyID"));
            }
        }
        ByGroup result = ByGroup.empty();
        for (Map<String, String> p : e.rows("MSD101")) {
            Map<String, String> m = mothers.get(p.get("LPIDMother"));
            result.add(e.group(m), e.quintile(m), withPlan.contains(p.get("PregnancyID")));
        }
        return result;
    }

    /** PPH ≥ 1,500 ml per delivery (women giving birth). */
    ByGroup pph() {
        ByGroup result = ByGroup.empty();
        Map<String, Map<String, String>> deliveries = e.index("MSD301", "LabourDeliveryID");
        for (Map<String, String> a : e.rows("MSD302")) {
            if (a.get("ObsCode").equals(ExtractWriter.BLOOD_LOSS)) {
                Map<String, String> m = mothers.get(deliveries.get(a.get("LabourDeliveryID")).get("LPIDMother"));
                result.add(e.group(m), e.quintile(m), Integer.parseInt(a.get("ObsValue")) >= 1500);
            }
        }
        return result;
    }
}
