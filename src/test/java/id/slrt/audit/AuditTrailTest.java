package id.slrt.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.slrt.platform.DbScope;
import id.slrt.support.Api;
import id.slrt.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class AuditTrailTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void applicationRoleCannotUpdateOrDeleteAuditRows() {
        long before = count();
        assertThat(before).isPositive();
        assertThatThrownBy(() -> DbScope.runAs("1409", () -> tx.executeWithoutResult(s ->
                jdbc.sql("update audit_event set actor = 'someone-else'").update())))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> DbScope.runAs("1409", () -> tx.executeWithoutResult(s ->
                jdbc.sql("delete from audit_event").update())))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("permission denied");
        assertThatThrownBy(() -> DbScope.runAs("1409", () -> tx.executeWithoutResult(s ->
                jdbc.sql("truncate audit_event").update())))
                .isInstanceOf(DataAccessException.class);
        assertThat(count()).isGreaterThanOrEqualTo(before);
        Long rewritten = DbScope.callAs("1409", () -> tx.execute(s -> jdbc
                .sql("select count(*) from audit_event where actor = 'someone-else'").query(Long.class).single()));
        assertThat(rewritten).isZero();
    }

    @Test
    void logInsAndUserChangesAreAuditedWithBeforeAndAfter() {
        Api api = new Api(port);
        api.post("/api/v1/auth/token", null, "{\"username\":\"manajer\",\"password\":\"wrong-one\"}");
        String admin = api.demoToken("admin");
        String username = "audited" + System.nanoTime() % 100000;
        JsonNode user = api.post("/api/v1/users", admin, "{\"username\":\"" + username
                + "\",\"fullName\":\"Nama Lama\",\"role\":\"MANAGER\",\"regionCode\":\"1409\"}").json().get("user");
        String id = user.get("id").asString();
        api.put("/api/v1/users/" + id, admin, "{\"username\":\"" + username
                + "\",\"fullName\":\"Nama Baru\",\"role\":\"MANAGER\",\"regionCode\":\"1409\",\"version\":0}");

        JsonNode failed = api.get("/api/v1/audit?actor=manajer&action=LOGIN_FAILED", admin).json();
        assertThat(failed.get("total").asLong()).isPositive();
        JsonNode succeeded = api.get("/api/v1/audit?actor=admin&action=LOGIN_SUCCEEDED", admin).json();
        assertThat(succeeded.get("items").get(0).get("clientIp").asString()).isNotBlank();

        JsonNode updates = api.get("/api/v1/audit?entityType=user&entityId=" + id, admin).json().get("items");
        assertThat(updates.findValuesAsString("action")).contains("USER_CREATED", "USER_UPDATED");
        JsonNode update = updates.get(0);
        assertThat(update.get("action").asString()).isEqualTo("USER_UPDATED");
        assertThat(update.get("actor").asString()).isEqualTo("admin");
        assertThat(update.get("changes").asString())
                .contains("\"fullName\"").contains("Nama Lama").contains("Nama Baru").doesNotContain("role");
        JsonNode created = updates.get(1);
        JsonNode createdChanges = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(created.get("changes").asString());
        assertThat(createdChanges.get("password").get("to").asString()).isEqualTo("***");
        assertThat(createdChanges.get("fullName").get("to").asString()).isEqualTo("Nama Lama");
    }

    private long count() {
        return DbScope.callAs("1409", () -> tx.execute(s -> jdbc.sql("select count(*) from audit_event")
                .query(Long.class).single()));
    }
}
