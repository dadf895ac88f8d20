package org.perinatalequity.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes a hand-built MSDS extract (one CSV per table) for a test; lines are given exactly as in the file. */
final class Extract {

    private final Path folder;

    private Extract(Path folder) {
        this.folder = folder;
    }

    static Extract in(Path folder) throws IOException {
        Files.createDirectories(folder);
        return new Extract(folder);
    }

    /** A minimal valid provider-layout submission of provider RWE for April 2024: one mother, one booking. */
    static Extract minimal(Path folder, String provider, String start, String end) throws IOException {
        return in(folder)
                .file("MSD000.csv", "OrgCodeProvider,RPStartDate,RPEndDate", provider + "," + start + "," + end)
                .file("MSD001.csv", "LPIDMother,OrgIDLPID,PersonBirthDateMother,NHSNumberMother,Postcode,EthnicCategoryMother",
                        "M1,RWE,1990-01-01,9434765919,LE1 1AA,A")
                .file("MSD002.csv", "LPIDMother,OrgCodeGMPMother", "M1,C82001")
                .file("MSD101.csv", "PregnancyID,LPIDMother,OrgIDComm,AntenatalAppDate,EDDAgreed",
                        "P1,M1,QK1,2024-04-02,2024-10-20");
    }

    Extract file(String name, String... lines) throws IOException {
        return bytes(name, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    Extract file(String name, Charset charset, String lineEnd, String... lines) throws IOException {
        return bytes(name, (String.join(lineEnd, lines) + lineEnd).getBytes(charset));
    }

    Extract bytes(String name, byte[] content) throws IOException {
        Files.write(folder.resolve(name), content);
        return this;
    }

    Extract delete(String name) throws IOException {
        Files.delete(folder.resolve(name));
        return this;
    }

    Path path() {
        return folder;
    }

    /** The extract as a zip; extra entries (name → content) are added as given, for hostile-zip tests. */
    Path zip(Path target, Map<String, byte[]> extraEntries) throws IOException {
        try (OutputStream out = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(out);
                var files = Files.list(folder)) {
            for (Path p : files.sorted().toList()) {
                zip.putNextEntry(new ZipEntry(p.getFileName().toString()));
                zip.write(Files.readAllBytes(p));
                zip.closeEntry();
            }
            for (Map.Entry<String, byte[]> e : extraEntries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return target;
    }
}
