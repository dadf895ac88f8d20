package org.perinatalequity.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import jakarta.servlet.MultipartConfigElement;

import org.junit.jupiter.api.Test;
import org.perinatalequity.TestFiles;
import org.perinatalequity.TestUsers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 19: an upload through the REST API is written only inside the private temporary root (the container's
 * multipart parts included), never in the system temporary folder, and nothing of it is left once the load is done.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "equity.ingest.pseudonymisation-key=test-key", "equity.ingest.inbox-enabled=false", TestUsers.USERS_FILE })
class UploadFolderTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String file = TestFiles.freshDatabase(UploadFolderTest.class);
        registry.add("equity.database.file", () -> file);
    }

    @LocalServerPort
    int port;

    @Autowired
    TemporaryRoot root;

    @Autowired
    MultipartConfigElement multipart;

    @Test
    void anApiUploadLeavesNothingInTheSystemTemporaryFolderNorInTheRoot() throws Exception {
        assertThat(Path.of(multipart.getLocation())).isEqualTo(root.path().resolve(UploadFolder.NAME));
        assertThat(multipart.getFileSizeThreshold()).as("every part goes to disk: the folder is where").isZero();
        Instant started = Instant.now().minusSeconds(1);

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        TestFiles.zipFolder(TestFiles.FIXTURE_EXTRACT, zip);
        String boundary = "upload-folder-test";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"extract.zip\"\r\n"
                + "Content-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.write(zip.toByteArray());
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/ingest"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (TestUsers.ADMIN + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"loaded\"");
        try (Stream<Path> left = Files.walk(root.path())) {
            assertThat(left.filter(p -> !p.equals(root.path()) && !p.equals(root.path().resolve(UploadFolder.NAME))))
                    .as("left in the temporary root").isEmpty();
        }
        assertThat(partsWrittenSince(Path.of(System.getProperty("java.io.tmpdir")), started))
                .as("multipart parts in the system temporary folder").isEmpty();
    }

    /** Files the container names {@code upload_*.tmp} (its part files), anywhere a few levels below the folder. */
    private static List<Path> partsWrittenSince(Path folder, Instant since) throws IOException {
        try (Stream<Path> files = Files.find(folder, 6, (p, a) -> a.isRegularFile()
                && p.getFileName().toString().startsWith("upload_")
                && a.lastModifiedTime().compareTo(FileTime.from(since)) >= 0)) {
            return files.toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            // Other processes' folders that cannot be read: nothing of ours is in them.
            return List.of();
        }
    }
}
