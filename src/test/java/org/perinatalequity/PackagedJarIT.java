package org.perinatalequity;

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
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The demo anywhere (issue 12): the production jar that {@code ./mvnw verify} packages beside the development one
 * (pom.xml, classifier {@code production}), copied into an empty folder and started there with {@code java -jar} in
 * the demo profile, loads the sample it carries and answers with data. Failsafe runs after {@code package}, so the jar
 * under {@code target/} is the one this build made. The development-mode jar cannot pass this: Vaadin's development
 * server looks for the checkout and its listener fails to start.
 */
class PackagedJarIT {

    private static final Duration START_LIMIT = Duration.ofMinutes(5);

    @TempDir
    Path empty;

    @Test
    void javaJarFromAnEmptyFolderStartsTheDemoWithItsData() throws Exception {
        Path jar = Files.copy(productionJar(), empty.resolve("dashboard.jar"));
        assertProductionMode(jar);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = empty.resolve("server.log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar.getFileName().toString(), "--spring.profiles.active=demo",
                "--server.port=" + port)
                .directory(empty.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        // Whatever the developer's shell points at, the jar must find everything from its own folder.
        List.of("EQUITY_DB", "EQUITY_ACTION_PLAN", "EQUITY_AUDIT_LOG", "EQUITY_USERS_FILE", "PORT")
                .forEach(builder.environment()::remove);
        Process server = builder.start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String auth = "Basic " + Base64.getEncoder().encodeToString("analyst:demo".getBytes(StandardCharsets.UTF_8));
            URI breakdown = URI.create("http://localhost:" + port + "/api/measures/preterm/breakdown?by=ethnic_group");
            JsonNode answer = null;
            long deadline = System.nanoTime() + START_LIMIT.toNanos();
            while (answer == null && System.nanoTime() < deadline) {
                assertThat(server.isAlive()).as("server exited:\n%s", tail(log)).isTrue();
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(breakdown)
                            .header("Authorization", auth).timeout(Duration.ofSeconds(30)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    JsonNode json = response.statusCode() == 200 ? new ObjectMapper().readTree(response.body()) : null;
                    // The server answers before the first-start load has finished: wait for the sample's births.
                    if (json != null && json.path("total").path("denominator").asDouble() > 10_000) {
                        answer = json;
                    }
                } catch (IOException notYetListening) {
                    // still starting
                }
                if (answer == null) {
                    Thread.sleep(2000);
                }
            }
            assertThat(answer).as("no data within %s:\n%s", START_LIMIT, tail(log)).isNotNull();
            assertThat(answer.path("rows").findValuesAsText("group")).contains("White", "Asian or Asian British", "Black or Black British");
            assertThat(answer.path("rows").get(0).path("denominator").asDouble()).isPositive();
            assertThat(empty.resolve("data-samples/action-plan.csv")).isNotEmptyFile();
            assertThat(empty.resolve("data/equity.duckdb")).exists();

            HttpResponse<byte[]> favicon = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/favicon.ico")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(favicon.statusCode()).isEqualTo(200);
            assertThat(favicon.body()).isNotEmpty();

            // The sign-in page loads Vaadin's production bundle from the jar (development mode would serve the dev one).
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            Matcher script = Pattern.compile("src=\"\\.?/?(VAADIN/build/[^\"]+\\.js)\"").matcher(page.body());
            assertThat(script.find()).as("a bundle script in:\n%s", page.body()).isTrue();
            HttpResponse<String> bundle = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/" + script.group(1))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(bundle.statusCode()).isEqualTo(200);
            assertThat(bundle.body()).isNotEmpty();
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor();
            }
        }
    }

    /** Vaadin's production token is in the jar and its development tools are not (pom.xml's production repackage). */
    private static void assertProductionMode(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            ZipEntry token = file.getEntry("META-INF/VAADIN/config/flow-build-info.json");
            assertThat(token).as("Vaadin's build token").isNotNull();
            String json = new String(file.getInputStream(token).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(new ObjectMapper().readTree(json).path("productionMode").asBoolean()).isTrue();
            List<String> devTools = file.stream().map(ZipEntry::getName)
                    .filter(name -> name.matches("BOOT-INF/lib/(vaadin-dev|copilot|hilla-dev|netty-all|reactor-netty).*"))
                    .toList();
            assertThat(devTools).as("development tools in the production jar").isEmpty();
        }
    }

    private static Path productionJar() throws IOException {
        try (var files = Files.list(Path.of("target"))) {
            List<Path> jars = files
                    .filter(p -> p.getFileName().toString().matches("perinatal-equity-dashboard-.*-production\\.jar"))
                    .toList();
            assertThat(jars).as("the production jar under target/ (./mvnw package makes it)").hasSize(1);
            return jars.get(0).toAbsolutePath();
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
