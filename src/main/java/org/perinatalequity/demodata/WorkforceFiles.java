package org.perinatalequity.demodata;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A synthetic maternity and neonatal workforce of one LLR provider (University Hospitals of Leicester, RWE) for three
 * WRES years, one zip of the workforce dataset per year (docs/workforce.md, docs/sample-data.md): about 1,400 staff in
 * maternity and neonatal areas (midwives, maternity support workers, neonatal nurses, obstetricians, admin), plus bank
 * staff and staff of other departments the WRES rule leaves out; recruitment, disciplinary, training,
 * cultural-competency, leadership and promotion events; staff-survey results; and the board. Disparities are set near
 * published national WRES figures (indicator 2 about 1.6, indicator 3 about 1.1, BME share falling with band). Its
 * own random stream, so the MSDS files of the same seed are unchanged by it.
 */
final class WorkforceFiles {

    static final String ORG = "RWE";
    static final List<Integer> YEARS = List.of(2022, 2023, 2024);

    /** Staff group, area of work, occupation code prefix, share of the workforce, bands with weights. */
    private record Role(String staffGroup, String area, String occupation, double share, String[] bands,
            double[] weights) {
    }

    private static final List<Role> ROLES = List.of(
            new Role("Nursing and Midwifery Registered", "Maternity - Community Midwifery", "N6", 0.22,
                    new String[] { "5", "6", "7", "8A" }, new double[] { 0.18, 0.62, 0.16, 0.04 }),
            new Role("Nursing and Midwifery Registered", "Maternity - Labour Ward", "N6", 0.22,
                    new String[] { "5", "6", "7", "8A", "8B" }, new double[] { 0.2, 0.58, 0.17, 0.04, 0.01 }),
            new Role("Nursing and Midwifery Registered", "Neonatal Unit", "N0", 0.20,
                    new String[] { "5", "6", "7", "8A" }, new double[] { 0.35, 0.45, 0.16, 0.04 }),
            new Role("Additional Clinical Services", "Maternity - Wards", "H1", 0.18,
                    new String[] { "2", "3", "4" }, new double[] { 0.3, 0.55, 0.15 }),
            new Role("Medical and Dental", "Obstetrics and Gynaecology", "M1", 0.08,
                    new String[] { "MEDICAL" }, new double[] { 1 }),
            new Role("Administrative and Clerical", "Maternity - Administration", "G1", 0.08,
                    new String[] { "2", "3", "4", "8C", "8D", "9", "VSM" },
                    new double[] { 0.3, 0.35, 0.2, 0.06, 0.04, 0.03, 0.02 }),
            new Role("Administrative and Clerical", "Maternity - Management", "G1", 0.02,
                    new String[] { "8A", "8B", "8C", "8D", "9", "VSM" },
                    new double[] { 0.3, 0.25, 0.2, 0.12, 0.08, 0.05 }));

    private static final String[] WHITE = { "A", "A", "A", "A", "A", "A", "B", "C", "C" };
    private static final String[] BME = { "H", "H", "H", "H", "J", "K", "L", "M", "N", "N", "D", "E", "F", "G", "R",
            "S" };

    private record Person(String id, String ethnic, boolean bme, String band, Role role, String category,
            LocalDate start, LocalDate leave) {
    }

    private WorkforceFiles() {
    }

    static List<Path> write(Path folder, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5752455331L);
        List<Person> people = population(rnd);
        List<Path> files = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            for (int i = 0; i < YEARS.size(); i++) {
                files.add(year(folder, YEARS.get(i), i, people, rnd));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the workforce sample", e);
        }
        return files;
    }

    /** BME share by band: higher in the lower bands, as nationally (the WRES band profile), about a third overall. */
    private static double bmeShare(String band) {
        return switch (band) {
            case "2", "3", "4" -> 0.42;
            case "5" -> 0.44;
            case "6" -> 0.33;
            case "7" -> 0.24;
            case "8A" -> 0.18;
            case "8B", "8C" -> 0.13;
            case "8D", "9", "VSM" -> 0.08;
            case "MEDICAL" -> 0.52;
            default -> 0.3;
        };
    }

    private static List<Person> population(SplittableRandom rnd) {
        List<Person> people = new ArrayList<>();
        int n = 0;
        // About 1,400 in post at any snapshot: 1,750 over the years with a turnover of about 10% a year.
        for (int i = 0; i < 1750; i++) {
            Role role = pick(rnd, ROLES);
            String band = pickBand(rnd, role);
            people.add(person(rnd, "E" + (100000 + n++), band, role, rnd.nextDouble() < 0.93 ? "Permanent"
                    : "Fixed Term Temp"));
        }
        for (int i = 0; i < 150; i++) {
            Role role = ROLES.get(rnd.nextInt(4));
            people.add(person(rnd, "E" + (100000 + n++), pickBand(rnd, role), role, "Bank"));
        }
        Role other = new Role("Nursing and Midwifery Registered", "Cardiology", "N0", 0, new String[] { "5", "6" },
                new double[] { 0.5, 0.5 });
        for (int i = 0; i < 200; i++) {
            people.add(person(rnd, "E" + (100000 + n++), pickBand(rnd, other), other, "Permanent"));
        }
        return people;
    }

    private static Person person(SplittableRandom rnd, String id, String band, Role role, String category) {
        boolean bme;
        String ethnic;
        double u = rnd.nextDouble();
        if (u < 0.04) {
            bme = false;
            ethnic = rnd.nextBoolean() ? "Z" : "";
        } else {
            bme = rnd.nextDouble() < bmeShare(band);
            ethnic = bme ? BME[rnd.nextInt(BME.length)] : WHITE[rnd.nextInt(WHITE.length)];
        }
        // Start dates from 1995 to early 2025; about a fifth leave during the three years.
        LocalDate start = rnd.nextDouble() < 0.8 ? LocalDate.of(1995, 1, 1).plusDays(rnd.nextInt(27 * 365))
                : LocalDate.of(2022, 4, 1).plusDays(rnd.nextInt(1000));
        LocalDate leave = rnd.nextDouble() < 0.22 ? LocalDate.of(2022, 4, 1).plusDays(rnd.nextInt(1095)) : null;
        if (leave != null && !leave.isAfter(start)) {
            leave = null;
        }
        return new Person(id, ethnic, bme, band, role, category, start, leave);
    }

    private static Role pick(SplittableRandom rnd, List<Role> roles) {
        double u = rnd.nextDouble();
        for (Role r : roles) {
            u -= r.share();
            if (u < 0) {
                return r;
            }
        }
        return roles.get(0);
    }

    private static String pickBand(SplittableRandom rnd, Role role) {
        double u = rnd.nextDouble();
        for (int i = 0; i < role.bands().length; i++) {
            u -= role.weights()[i];
            if (u < 0) {
                return role.bands()[i];
            }
        }
        return role.bands()[0];
    }

    private static boolean employedDuring(Person p, LocalDate from, LocalDate to) {
        return !p.start().isAfter(to) && (p.leave() == null || !p.leave().isBefore(from));
    }

    private static LocalDate day(SplittableRandom rnd, LocalDate from) {
        return from.plusDays(rnd.nextInt(365));
    }

    /** One WRES year: a slow improvement from year to year (step 0, 1, 2). */
    private static Path year(Path folder, int first, int step, List<Person> people, SplittableRandom rnd)
            throws IOException {
        LocalDate from = LocalDate.of(first, 4, 1);
        LocalDate to = LocalDate.of(first + 1, 3, 31);
        Map<String, StringBuilder> tables = new LinkedHashMap<>();
        tables.put("WRK000.csv", new StringBuilder("OrgCode,ReportingPeriodStartDate,ReportingPeriodEndDate\r\n"
                + ORG + "," + from + "," + to + "\r\n"));
        StringBuilder staff = new StringBuilder("StaffId,EthnicCategory,PayBand,StaffGroup,OccupationCode,AreaOfWork,"
                + "AssignmentCategory,StartDate,LeavingDate\r\n");
        StringBuilder events = new StringBuilder("PersonId,EventType,EventDate,EthnicCategory,PayBand\r\n");
        List<Person> inYear = new ArrayList<>();
        for (Person p : people) {
            if (employedDuring(p, from, to)) {
                inYear.add(p);
                staff.append(p.id()).append(',').append(p.ethnic()).append(',').append(p.band()).append(',')
                        .append(p.role().staffGroup()).append(',').append(p.role().occupation())
                        .append(String.format(Locale.ROOT, "%02d", 1 + Math.abs(p.id().hashCode()) % 20)).append(',')
                        .append(p.role().area()).append(',').append(p.category()).append(',').append(p.start())
                        .append(',').append(p.leave() == null ? "" : p.leave()).append("\r\n");
            }
        }
        // Indicator 2: about 800 shortlisted applications a year; White appointed 31%, BME 19% rising to 21% (RL about
        // 1.6 falling to 1.5). Exact shares of each group, drawn at random: the sample's ratios stay near their targets.
        List<String[]> white = new ArrayList<>();
        List<String[]> bme = new ArrayList<>();
        for (int i = 0; i < 800; i++) {
            boolean isBme = rnd.nextDouble() < 0.45;
            String ethnic = rnd.nextDouble() < 0.03 ? "Z" : isBme ? BME[rnd.nextInt(BME.length)]
                    : WHITE[rnd.nextInt(WHITE.length)];
            String band = rnd.nextDouble() < 0.6 ? "5" : rnd.nextBoolean() ? "6" : "3";
            String[] applicant = { "APP" + first + String.format(Locale.ROOT, "%04d", i), ethnic, band,
                    day(rnd, from).toString() };
            events.append(applicant[0]).append(",shortlisted,").append(applicant[3]).append(',').append(ethnic)
                    .append(',').append(band).append("\r\n");
            (isBme ? bme : white).add(applicant);
        }
        List<String[]> appointed = new ArrayList<>(chosen(rnd, white, 0.31));
        appointed.addAll(chosen(rnd, bme, 0.19 + 0.01 * step));
        for (String[] a : appointed) {
            LocalDate d = LocalDate.parse(a[3]).plusDays(14);
            events.append(a[0]).append(",appointed,").append(d.isAfter(to) ? to : d).append(',').append(a[1])
                    .append(',').append(a[2]).append("\r\n");
        }
        List<Person> whiteStaff = inYear.stream().filter(p -> !p.bme()).toList();
        List<Person> bmeStaff = inYear.stream().filter(Person::bme).toList();
        // Indicator 3: White 1.3%, BME 1.5% falling to 1.3% enter a formal disciplinary investigation.
        for (Person p : chosen(rnd, whiteStaff, 0.013)) {
            events.append(p.id()).append(",disciplinary,").append(day(rnd, from)).append(",,\r\n");
        }
        for (Person p : chosen(rnd, bmeStaff, 0.015 - 0.001 * step)) {
            events.append(p.id()).append(",disciplinary,").append(day(rnd, from)).append(",,\r\n");
        }
        // Indicator 4: White 46%, BME 41% rising to 43% access non-mandatory training or CPD (RL about 1.1).
        for (Person p : chosen(rnd, whiteStaff, 0.46)) {
            events.append(p.id()).append(",training,").append(day(rnd, from)).append(",,\r\n");
        }
        for (Person p : chosen(rnd, bmeStaff, 0.41 + 0.01 * step)) {
            events.append(p.id()).append(",training,").append(day(rnd, from)).append(",,\r\n");
        }
        for (Person p : inYear) {
            boolean maternity = !p.category().equals("Bank") && !p.role().area().equals("Cardiology");
            if (maternity && rnd.nextDouble() < 0.70 + 0.05 * step) {
                events.append(p.id()).append(",cultural_competency,").append(day(rnd, from)).append(",,\r\n");
            }
            if (maternity && (p.band().equals("6") || p.band().equals("7"))
                    && rnd.nextDouble() < (p.bme() ? 0.05 + 0.01 * step : 0.04)) {
                LocalDate start = day(rnd, from);
                events.append(p.id()).append(",leadership,").append(start).append(",,\r\n");
                if (rnd.nextDouble() < 0.45) {
                    LocalDate promoted = start.plusDays(60 + rnd.nextInt(300));
                    if (!promoted.isAfter(to)) {
                        events.append(p.id()).append(",promotion,").append(promoted).append(",,")
                                .append(p.band().equals("6") ? "7" : "8A").append("\r\n");
                    }
                }
            } else if (maternity && rnd.nextDouble() < 0.02) {
                events.append(p.id()).append(",promotion,").append(day(rnd, from)).append(",,\r\n");
            }
        }
        tables.put("WRK001.csv", staff);
        tables.put("WRK101.csv", events);
        // Indicators 5-8 as the staff survey publishes them (illustrative, near national patterns).
        tables.put("WRK201.csv", new StringBuilder("Indicator,EthnicGroup,Percentage,Respondents\r\n")
                .append("5,White,").append(pct(27.4 - 0.3 * step)).append(",612\r\n")
                .append("5,BME,").append(pct(29.6 - 0.4 * step)).append(",318\r\n")
                .append("6,White,").append(pct(23.1 - 0.3 * step)).append(",612\r\n")
                .append("6,BME,").append(pct(27.9 - 0.6 * step)).append(",318\r\n")
                .append("7,White,").append(pct(58.7 + 0.2 * step)).append(",612\r\n")
                .append("7,BME,").append(pct(44.9 + 1.1 * step)).append(",318\r\n")
                .append("8,White,").append(pct(6.6)).append(",612\r\n")
                .append("8,BME,").append(pct(16.8 - 0.7 * step)).append(",318\r\n"));
        StringBuilder board = new StringBuilder("MemberId,EthnicCategory,Voting,Executive\r\n");
        String[] members = { "A", "A", "A", "B", "A", "C", "A", "A", "A", "H", "A", "N", "A", "A" };
        for (int i = 0; i < members.length; i++) {
            String ethnic = step == 2 && i == 13 ? "J" : members[i];
            board.append("BRD").append(i + 1).append(',').append(ethnic).append(',').append("Y").append(',')
                    .append(i < 7 ? "Y" : "N").append("\r\n");
        }
        board.append("BRD15,A,N,Y\r\n");
        tables.put("WRK301.csv", board);
        Path zip = folder.resolve("llr-sample-workforce-" + first + "-" + String.format(Locale.ROOT, "%02d",
                (first + 1) % 100) + ".zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, StringBuilder> e : tables.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                // A fixed time: the same seed writes the same bytes.
                entry.setLastModifiedTime(FileTime.fromMillis(1_700_000_000_000L));
                entry.setTime(1_700_000_000_000L);
                z.putNextEntry(entry);
                z.write(e.getValue().toString().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return zip;
    }

    /** round(rate × n) of the items, drawn at random, in their order. */
    private static <T> List<T> chosen(SplittableRandom rnd, List<T> items, double rate) {
        int k = (int) Math.round(rate * items.size());
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            order.add(i);
        }
        for (int i = order.size() - 1; i > 0; i--) {
            java.util.Collections.swap(order, i, rnd.nextInt(i + 1));
        }
        List<Integer> picked = new ArrayList<>(order.subList(0, k));
        java.util.Collections.sort(picked);
        List<T> result = new ArrayList<>();
        picked.forEach(i -> result.add(items.get(i)));
        return result;
    }

    private static String pct(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
