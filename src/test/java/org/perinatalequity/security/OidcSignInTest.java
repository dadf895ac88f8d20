package org.perinatalequity.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.perinatalequity.TestFiles;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Signing in with OpenID Connect end to end, against a small provider run by the test (discovery document, signing
 * keys and token endpoint, as Entra ID or Keycloak publish them): the authorization-code flow through the app's
 * real filter chain, the ID token's signature and nonce checked, the claims mapped to roles and teams as the users
 * file would give them, and the sign-in audited. A token signed by another key signs nobody in.
 */
@SpringBootTest(properties = { "equity.ingest.inbox-enabled=false", "equity.security.oidc.registration-id=nhs",
        "spring.security.oauth2.client.registration.nhs.client-id=equity-dashboard",
        "spring.security.oauth2.client.registration.nhs.client-secret=test-secret",
        "spring.security.oauth2.client.registration.nhs.scope=openid,profile" })
@AutoConfigureMockMvc
class OidcSignInTest {

    private static final FakeProvider PROVIDER = new FakeProvider();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String file = TestFiles.freshDatabase(OidcSignInTest.class);
        registry.add("equity.database.file", () -> file);
        registry.add("spring.security.oauth2.client.provider.nhs.issuer-uri", PROVIDER::issuer);
    }

    @AfterAll
    static void stop() {
        PROVIDER.server.stop(0);
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theProvidersClaimsBecomeRolesAndTeamsAndTheSignInIsAudited() throws Exception {
        PROVIDER.signWith(PROVIDER.key);
        MockHttpSession session = signIn(Map.of("preferred_username", "j.bloggs@nhs.net",
                "roles", List.of("analyst", "Team", "SUPERUSER"), "teams", List.of("CITY-NORTH", "HARBOROUGH")),
                "/");

        Authentication signedIn = ((SecurityContext) session.getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)).getAuthentication();
        assertThat(signedIn.getName()).isEqualTo("j.bloggs@nhs.net");
        // Unknown roles are dropped; teams come only with the TEAM role
        assertThat(signedIn.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_ANALYST", "ROLE_TEAM", "TEAM:CITY-NORTH", "TEAM:HARBOROUGH");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE user_name = 'j.bloggs@nhs.net'"
                + " AND action = 'login' AND outcome = 'success'").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aTokenSignedByAnotherKeySignsNobodyIn() throws Exception {
        PROVIDER.signWith(new RSAKeyGenerator(2048).keyID(PROVIDER.key.getKeyID()).generate());
        MockHttpSession session = signIn(Map.of("preferred_username", "mallory", "roles", List.of("ADMIN")),
                "/login?error");
        assertThat(session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)).isNull();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE user_name = 'mallory' AND action = 'login'")
                .query(Long.class).single()).isZero();
    }

    /** Plays the browser: asks the app to start the sign-in, lets the provider answer, returns to the app. */
    private MockHttpSession signIn(Map<String, Object> claims, String expectedLanding) throws Exception {
        MvcResult start = mvc.perform(get("/oauth2/authorization/nhs")).andExpect(status().is3xxRedirection())
                .andReturn();
        String authorize = start.getResponse().getRedirectedUrl();
        assertThat(authorize).startsWith(PROVIDER.issuer() + "/authorize?");
        Map<String, String> query = Arrays.stream(authorize.substring(authorize.indexOf('?') + 1).split("&"))
                .map(p -> p.split("=", 2)).collect(Collectors.toMap(p -> p[0],
                        p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
        assertThat(query).containsEntry("client_id", "equity-dashboard").containsEntry("response_type", "code")
                .containsKeys("state", "nonce", "redirect_uri");
        // The ID token carries back the nonce the app sent with the authorization request
        PROVIDER.nextClaims = claims(claims, query.get("nonce"));

        MockHttpSession session = (MockHttpSession) start.getRequest().getSession();
        MvcResult back = mvc.perform(get("/login/oauth2/code/nhs").param("code", "code-from-provider")
                .param("state", query.get("state")).session(session)).andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(back.getResponse().getRedirectedUrl()).isEqualTo(expectedLanding);
        return session;
    }

    private static JWTClaimsSet claims(Map<String, Object> extra, String nonce) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(PROVIDER.issuer()).subject("user-123")
                .audience("equity-dashboard").issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", nonce);
        extra.forEach(claims::claim);
        return claims.build();
    }

    /** Discovery, keys and token endpoint on a local port; the token's claims are set by the test. */
    static final class FakeProvider {

        final HttpServer server;
        final RSAKey key;
        private volatile RSAKey signingKey;
        volatile JWTClaimsSet nextClaims;

        FakeProvider() {
            try {
                key = new RSAKeyGenerator(2048).keyID("provider-key").generate();
                signingKey = key;
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/.well-known/openid-configuration", ex -> json(ex, """
                    {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
                     "jwks_uri":"%1$s/jwks","response_types_supported":["code"],"subject_types_supported":["public"],
                     "id_token_signing_alg_values_supported":["RS256"]}""".formatted(issuer())));
            server.createContext("/jwks", ex -> json(ex, new JWKSet(key.toPublicJWK()).toString()));
            server.createContext("/token", this::token);
            server.start();
        }

        String issuer() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void signWith(RSAKey k) {
            signingKey = k;
        }

        /** The app exchanges the code for tokens, server to server. */
        private void token(HttpExchange ex) throws IOException {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!body.contains("grant_type=authorization_code") || !body.contains("code=code-from-provider")) {
                ex.sendResponseHeaders(400, -1);
                return;
            }
            try {
                SignedJWT idToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(signingKey.getKeyID()).build(), nextClaims);
                idToken.sign(new RSASSASigner(signingKey));
                json(ex, "{\"access_token\":\"access-token\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                        + "\"scope\":\"openid profile\",\"id_token\":\"" + idToken.serialize() + "\"}");
            } catch (JOSEException e) {
                throw new IOException(e);
            }
        }

        private static void json(HttpExchange ex, String json) throws IOException {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        }
    }
}
