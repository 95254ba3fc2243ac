package id.slrt.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.slrt.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The scoping mechanism itself: the pool's role, the per-transaction scope, and failing closed. */
@IntegrationTest
class RowLevelSecurityTest {
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void applicationRoleIsNeitherSuperuserNorBypassesRowLevelSecurity() {
        Boolean[] flags = DbScope.callAs("1409", () -> tx.execute(s -> jdbc
                .sql("select rolsuper, rolbypassrls from pg_roles where rolname = current_user")
                .query((rs, n) -> new Boolean[] {rs.getBoolean(1), rs.getBoolean(2)}).single()));
        assertThat(flags).containsExactly(false, false);
        String user = DbScope.callAs("1409", () -> tx.execute(s -> jdbc.sql("select current_user").query(String.class).single()));
        assertThat(user).isEqualTo("slrt_app");
    }

    @Test
    void aTransactionSeesOnlyRowsUnderItsScope() {
        long district = countUsers("1409");
        long kecamatan = countUsers("140901");
        assertThat(district).isGreaterThan(kecamatan).isPositive();
        Long outside = DbScope.callAs("140901", () -> tx.execute(s -> jdbc
                .sql("select count(*) from app_user where region_code not like '140901%'").query(Long.class).single()));
        assertThat(outside).isZero();
    }

    @Test
    void withoutScopeOrOutsideATransactionNothingIsVisible() {
        assertThat(countUsers(null)).isZero();
        assertThat(countUsers("")).isZero();
        // autocommit, no transaction: the scope is never set
        assertThat(jdbc.sql("select count(*) from app_user").query(Long.class).single()).isZero();
        // the one function that applies the scope itself (trigram search, see V8) fails closed too
        assertThat(jdbc.sql("select count(*) from slrt_search_people('SITI', null, null, null, 50)")
                .query(Long.class).single()).isZero();
    }

    @Test
    void rowsCannotBeWrittenOutsideTheScopeNorDeleted() {
        assertThatThrownBy(() -> DbScope.runAs("140901", () -> tx.executeWithoutResult(s -> jdbc
                .sql("update app_user set region_code = '1409' where username = 'supervisor'").update())))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("row-level security");
        assertThatThrownBy(() -> DbScope.runAs("1409", () -> tx.executeWithoutResult(s -> jdbc
                .sql("delete from app_user where username = 'operator2'").update())))
                .isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("permission denied");
    }

    private long countUsers(String scope) {
        return DbScope.callAs(scope, () -> tx.execute(s -> jdbc.sql("select count(*) from app_user").query(Long.class).single()));
    }
}
