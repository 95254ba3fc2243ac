package id.slrt.access;

import static org.assertj.core.api.Assertions.assertThat;

import id.slrt.support.Api;
import id.slrt.support.IntegrationTest;
import id.slrt.support.MutableClock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class AccessApiTest {
    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void desaOperatorTokenGets403ForAdminEndpoints() {
        String token = api.demoToken("operator");
        Api.Response create = api.post("/api/v1/users", token,
                "{\"username\":\"sneaky\",\"fullName\":\"S\",\"role\":\"ADMIN\",\"regionCode\":\"1409\"}");
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.contentType()).startsWith("application/problem+json");
        assertThat(create.json().get("type").asString()).isEqualTo("urn:slrt:problem:forbidden");
        assertThat(api.get("/api/v1/audit", token).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/tokens", token).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/users", token).status()).isEqualTo(403);
    }

    @Test
    void withoutTokenTheApiAnswers401ProblemJson() {
        Api.Response r = api.get("/api/v1/users", null);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/users", "slrt_not-a-real-token").status()).isEqualTo(401);
    }

    @Test
    void supervisorSeesOnlyUsersInTheirKecamatanEvenWhenAskingById() {
        String admin = api.demoToken("admin");
        String supervisor = api.demoToken("supervisor");
        String supervisorScope = userByName(admin, "supervisor").get("regionCode").asString();
        JsonNode list = api.get("/api/v1/users?size=200", supervisor).json();
        assertThat(list.get("total").asLong()).isPositive();
        list.get("items").forEach(u -> assertThat(u.get("regionCode").asString()).startsWith(supervisorScope));
        assertThat(list.get("items").findValuesAsString("username")).contains("operator", "supervisor")
                .doesNotContain("operator2", "admin");

        UUID otherKecamatanOperator = UUID.fromString(userByName(admin, "operator2").get("id").asString());
        Api.Response byId = api.get("/api/v1/users/" + otherKecamatanOperator, supervisor);
        assertThat(byId.status()).isEqualTo(404);
        UUID ownOperator = UUID.fromString(userByName(admin, "operator").get("id").asString());
        assertThat(api.get("/api/v1/users/" + ownOperator, supervisor).status()).isEqualTo(200);
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForFifteenMinutes() {
        String admin = api.demoToken("admin");
        String username = "lock" + System.nanoTime() % 100000;
        Api.Response created = api.post("/api/v1/users", admin, "{\"username\":\"" + username
                + "\",\"fullName\":\"Lock Test\",\"role\":\"OPERATOR_SLRT\",\"regionCode\":\"1409\",\"password\":\"right-password\"}");
        assertThat(created.status()).isEqualTo(201);

        for (int i = 0; i < 4; i++) {
            Api.Response wrong = tokenAttempt(username, "wrong-password");
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.json().get("type").asString()).isEqualTo("urn:slrt:problem:unauthorized");
        }
        Api.Response fifth = tokenAttempt(username, "wrong-password");
        assertThat(fifth.json().get("type").asString()).isEqualTo("urn:slrt:problem:account-locked");
        Api.Response rightButLocked = tokenAttempt(username, "right-password");
        assertThat(rightButLocked.status()).isEqualTo(401);
        assertThat(rightButLocked.json().get("type").asString()).isEqualTo("urn:slrt:problem:account-locked");

        clock.advance(Duration.ofMinutes(14));
        assertThat(tokenAttempt(username, "right-password").status()).isEqualTo(401);
        clock.advance(Duration.ofMinutes(2));
        assertThat(tokenAttempt(username, "right-password").status()).isEqualTo(200);

        JsonNode audit = api.get("/api/v1/audit?actor=" + username + "&action=ACCOUNT_LOCKED", admin).json();
        assertThat(audit.get("total").asLong()).isEqualTo(1);
    }

    @Test
    void badJsonMissingFieldAndUnknownRegionAre400ProblemsNamingTheField() {
        String admin = api.demoToken("admin");
        Api.Response malformed = api.post("/api/v1/users", admin, "{\"username\": \"x\", ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.json().get("type").asString()).isEqualTo("urn:slrt:problem:malformed-json");

        Api.Response wrongType = api.post("/api/v1/users", admin,
                "{\"username\":\"okname\",\"fullName\":\"A\",\"role\":\"KING\",\"regionCode\":\"1409\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(fields(wrongType)).containsExactly("role");

        Api.Response missing = api.post("/api/v1/users", admin,
                "{\"username\":\"okname\",\"role\":\"ADMIN\",\"regionCode\":\"1409\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(fields(missing)).containsExactly("fullName");

        Api.Response unknownRegion = api.post("/api/v1/users", admin,
                "{\"username\":\"okname\",\"fullName\":\"A\",\"role\":\"OPERATOR_DESA\",\"regionCode\":\"1409019999\"}");
        assertThat(unknownRegion.status()).isEqualTo(400);
        assertThat(fields(unknownRegion)).containsExactly("regionCode");
        assertThat(unknownRegion.json().get("errors").get(0).get("code").asString()).isEqualTo("region.unknown");

        Api.Response wrongLevel = api.post("/api/v1/users", admin,
                "{\"username\":\"okname\",\"fullName\":\"A\",\"role\":\"OPERATOR_DESA\",\"regionCode\":\"140901\"}");
        assertThat(fields(wrongLevel)).containsExactly("regionCode");

        Api.Response outside = api.post("/api/v1/users", admin,
                "{\"username\":\"okname\",\"fullName\":\"A\",\"role\":\"SUPERVISOR\",\"regionCode\":\"140101\"}");
        assertThat(outside.json().get("errors").get(0).get("code").asString()).isEqualTo("user.scope.outside-district");
    }

    @Test
    void indonesianIsTheDefaultLanguageAndEnglishWorks() {
        String admin = api.demoToken("admin");
        String body = "{\"username\":\"okname\",\"role\":\"ADMIN\",\"regionCode\":\"1409\"}";
        Api.Response id = api.post("/api/v1/users", admin, body);
        assertThat(id.json().get("detail").asString()).isEqualTo("Ada isian yang tidak valid.");
        assertThat(id.json().get("errors").get(0).get("message").asString()).isEqualTo("Wajib diisi.");
        Api.Response en = api.post("/api/v1/users", admin, body, "en-US,en;q=0.9");
        assertThat(en.json().get("detail").asString()).isEqualTo("Some fields are not valid.");
        assertThat(en.json().get("errors").get(0).get("message").asString()).isEqualTo("Required.");
    }

    @Test
    void namedTokensWorkUntilRevokedAndDisablingAUserRevokesTheirTokens() {
        String admin = api.demoToken("admin");
        String ownerId = userByName(admin, "slrt").get("id").asString();
        Api.Response created = api.post("/api/v1/tokens", admin,
                "{\"userId\":\"" + ownerId + "\",\"name\":\"whatsapp-bot\",\"validDays\":365}");
        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().get("secret").asString();
        String tokenId = created.json().get("token").get("id").asString();
        assertThat(api.get("/api/v1/users?size=1", secret).status()).isEqualTo(200);

        assertThat(api.post("/api/v1/tokens/" + tokenId + "/revoke", admin, "{}").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/users?size=1", secret).status()).isEqualTo(401);

        String username = "gone" + System.nanoTime() % 100000;
        Api.Response user = api.post("/api/v1/users", admin, "{\"username\":\"" + username
                + "\",\"fullName\":\"Gone\",\"role\":\"MANAGER\",\"regionCode\":\"1409\",\"password\":\"pass-word-1\"}");
        String userToken = api.token(username, "pass-word-1");
        assertThat(api.get("/api/v1/users?size=1", userToken).status()).isEqualTo(200);
        String id = user.json().get("user").get("id").asString();
        assertThat(api.post("/api/v1/users/" + id + "/enabled", admin, "{\"enabled\":false}").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/users?size=1", userToken).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/token", null,
                "{\"username\":\"" + username + "\",\"password\":\"pass-word-1\"}").status()).isEqualTo(401);
    }

    @Test
    void aTokenFollowsItsUsersNewRoleAtOnce() {
        String admin = api.demoToken("admin");
        String username = "demoted" + System.nanoTime() % 100000;
        JsonNode user = api.post("/api/v1/users", admin, "{\"username\":\"" + username
                + "\",\"fullName\":\"Naik Turun\",\"role\":\"MANAGER\",\"regionCode\":\"1409\",\"password\":\"pass-word-2\"}")
                .json().get("user");
        String token = api.token(username, "pass-word-2");
        assertThat(api.get("/api/v1/users?size=1", token).status()).isEqualTo(200);
        assertThat(api.put("/api/v1/users/" + user.get("id").asString(), admin, "{\"username\":\"" + username
                + "\",\"fullName\":\"Naik Turun\",\"role\":\"OPERATOR_DESA\",\"regionCode\":\"1409011012\",\"version\":0}")
                .status()).isEqualTo(200);
        assertThat(api.get("/api/v1/users?size=1", token).status()).isEqualTo(403);
    }

    @Test
    void staleEditIsRefusedWithConflict() {
        String admin = api.demoToken("admin");
        String username = "edit" + System.nanoTime() % 100000;
        JsonNode user = api.post("/api/v1/users", admin, "{\"username\":\"" + username
                + "\",\"fullName\":\"Before\",\"role\":\"MANAGER\",\"regionCode\":\"1409\"}").json().get("user");
        String id = user.get("id").asString();
        String edit = "{\"username\":\"" + username + "\",\"fullName\":\"%s\",\"role\":\"MANAGER\",\"regionCode\":\"1409\",\"version\":0}";
        assertThat(api.put("/api/v1/users/" + id, admin, edit.formatted("First")).status()).isEqualTo(200);
        Api.Response stale = api.put("/api/v1/users/" + id, admin, edit.formatted("Second"));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/users/" + id, admin).json().get("fullName").asString()).isEqualTo("First");
    }

    private Api.Response tokenAttempt(String username, String password) {
        return api.post("/api/v1/auth/token", null,
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }

    private JsonNode userByName(String token, String username) {
        JsonNode items = api.get("/api/v1/users?size=200&q=" + username, token).json().get("items");
        for (JsonNode u : items) {
            if (u.get("username").asString().equals(username)) {
                return u;
            }
        }
        throw new AssertionError("no user " + username);
    }

    private static java.util.List<String> fields(Api.Response r) {
        return r.json().get("errors").findValuesAsString("field");
    }
}
