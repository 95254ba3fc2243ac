package id.slrt.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Sets {@code slrt.scope} for the transaction (SET LOCAL semantics), the single place where region
 * scoping enters the database. Row-level-security policies compare each row's region_code with it.
 * Beside it {@code slrt.agency} ({@link DbScope#agency()}) limits a partner user to its agency's referrals.
 * A query outside a transaction, or without a scope, sees no scoped rows.
 */
public class ScopedTransactionManager extends JdbcTransactionManager {

    public ScopedTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void prepareTransactionalConnection(Connection con, TransactionDefinition definition) throws SQLException {
        super.prepareTransactionalConnection(con, definition);
        String scope = DbScope.current();
        try (PreparedStatement ps = con.prepareStatement(
                "select set_config('slrt.scope', ?, true), set_config('slrt.agency', ?, true)")) {
            ps.setString(1, scope == null ? "" : scope);
            ps.setString(2, DbScope.agency());
            ps.execute();
        }
    }
}
