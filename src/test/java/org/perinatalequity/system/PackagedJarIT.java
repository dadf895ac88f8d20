package org.perinatalequity.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The demo anywhere (issue 12): the jar the build packages, started with {@code java -jar} in the demo profile from
 * an empty folder, loads the sample it carries and answers with data. Failsafe runs after {@code package}, so the
 * jar under {@code target/} is the one this build made.
 */
class PackagedJarIT {

    private static final Duration START_LIMIT = Duration.ofMinutes(5);

    @TempDir
    Path empty;

    @Test
    void java_jar_from_an_empty_folder_starts_the_demo_with_its_data() throws Exception {
        Path jar = packagedJar();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = empty.resolve("server.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--spring.profiles.active=demo", "--server.port=" + port)
                .directory(empty.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("EQUITY_DB");
        builder.environment().remove("EQUITY_ACTION_PLAN");
        Process server = builder.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            String auth = "Basic " + Base64.getEncoder().encodeToString("analyst:demo".getBytes(StandardCharsets.UTF_8));
            URI breakdown = URI.create("http://localhost:" + port + "/api/measures/early_booking/breakdown?by=place");
            JsonNode answer = null;
            long deadline = System.nanoTime() + START_LIMIT.toNanos();
            while (answer == null && System.nanoTime() < deadline) {
                assertThat(server.isAlive()).as("server exited:\n%s", tail(log)).isTrue();
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(breakdown)
                            .header("Authorization", auth).build(), HttpResponse.BodyHandlers.ofString());
                    JsonNode json = response.statusCode() == 200 ? new ObjectMapper().readTree(response.body()) : null;
                    // The server answers before the first-start load has finished: wait for the sample's bookings.
                    if (json != null && json.path("total").path("denominator").asDouble() > 10_000) {
                        answer = json;
                    }
                } catch (IOException notYetListening) {
                    // starting
                }
                if (answer == null) {
                    Thread.sleep(2000);
                }
            }
            assertThat(answer).as("no data within %s:\n%s", START_LIMIT, tail(log)).isNotNull();
            assertThat(answer.path("rows").findValuesAsText("group")).contains("Leicester", "Leicestershire", "Rutland");
            assertThat(empty.resolve("data-samples/action-plan.csv")).exists();
            assertThat(empty.resolve("data/equity.duckdb")).exists();

            HttpResponse<byte[]> favicon = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/favicon.ico")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(favicon.statusCode()).isEqualTo(200);
            assertThat(favicon.body()).isNotEmpty();
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor();
            }
        }
    }

    private static Path packagedJar() throws IOException {
        try (var files = Files.list(Path.of("target"))) {
            List<Path> jars = files.filter(p -> p.getFileName().toString().matches("perinatal-equity-dashboard-.*\\.jar"))
                    .toList();
            assertThat(jars).as("the packaged jar under target/").hasSize(1);
            return jars.get(0).toAbsolutePath();
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
