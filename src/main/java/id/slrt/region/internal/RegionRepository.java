package id.slrt.region.internal;

import id.slrt.region.Region;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Regions are reference data that change only by migration, so look-ups are cached in memory. */
@Repository
public class RegionRepository {
    private final JdbcClient jdbc;
    private final ConcurrentHashMap<String, Optional<Region>> byCode = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, List<Region>> childrenOf = new ConcurrentHashMap<>();

    RegionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Region> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return byCode.computeIfAbsent(code, c -> jdbc
                .sql("select code, parent_code, level, name from region where code = ?")
                .param(c)
                .query(Region.class)
                .optional());
    }

    public List<Region> children(String parent) {
        String key = parent == null ? "" : parent;
        return childrenOf.computeIfAbsent(key, p -> p.isEmpty()
                ? jdbc.sql("select code, parent_code, level, name from region where parent_code is null order by code")
                        .query(Region.class).list()
                : jdbc.sql("select code, parent_code, level, name from region where parent_code = ? order by code")
                        .param(p).query(Region.class).list());
    }

    public boolean isHistorical(String code) {
        return jdbc.sql("select exists(select 1 from region_historical where code = ?)")
                .param(code).query(Boolean.class).single();
    }
}
