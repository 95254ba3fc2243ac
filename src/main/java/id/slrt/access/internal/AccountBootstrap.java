package id.slrt.access.internal;

import id.slrt.access.Passwords;
import id.slrt.access.Role;
import id.slrt.access.UserAccount;
import id.slrt.audit.AuditLog;
import id.slrt.audit.Change;
import id.slrt.platform.Scopes;
import id.slrt.platform.SlrtProperties;
import id.slrt.region.Region;
import id.slrt.region.RegionService;
import id.slrt.shared.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * First start: in demo mode one user per role (README lists them); otherwise the first administrator
 * {@code admin}, with SLRT_ADMIN_PASSWORD or a generated password printed once.
 */
@Component
class AccountBootstrap implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);
    static final String DEMO_PASSWORD = "demo12345";

    private final UserRepository users;
    private final RegionService regions;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Scopes scopes;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SlrtProperties props;

    AccountBootstrap(UserRepository users, RegionService regions, PasswordEncoder encoder, AuditLog audit, Scopes scopes,
                     TransactionTemplate tx, Clock clock, SlrtProperties props) {
        this.users = users;
        this.regions = regions;
        this.encoder = encoder;
        this.audit = audit;
        this.scopes = scopes;
        this.tx = tx;
        this.clock = clock;
        this.props = props;
    }

    @Override
    public void run(ApplicationArguments args) {
        scopes.runAsDistrict(() -> tx.executeWithoutResult(s -> {
            if (props.demo()) {
                createDemoUsers();
            } else {
                createFirstAdmin();
            }
        }));
    }

    private void createFirstAdmin() {
        if (users.findByUsername("admin").isPresent()) {
            return;
        }
        boolean generated = props.adminPassword() == null || props.adminPassword().isBlank();
        String password = generated ? Passwords.temporary() : props.adminPassword();
        create("admin", "Administrator", Role.ADMIN, props.district(), null, password, generated);
        if (generated) {
            // Printed once, on the console only: the log file never holds it.
            System.out.println();
            System.out.println("==================================================================");
            System.out.println(" Kata sandi admin pertama / first admin password: " + password);
            System.out.println(" Ganti setelah masuk / change it after logging in.");
            System.out.println("==================================================================");
            System.out.println();
        }
    }

    private void createDemoUsers() {
        Region district = regions.district();
        List<Region> kecamatan = regions.children(district.code());
        Region kec1 = kecamatan.get(0);
        Region kec2 = kecamatan.size() > 1 ? kecamatan.get(1) : kec1;
        Region desa1 = regions.children(kec1.code()).get(0);
        Region desa2 = regions.children(kec2.code()).get(0);
        demo("admin", "Admin Dinas Sosial", Role.ADMIN, district.code(), null);
        demo("manajer", "Kepala Dinas Sosial", Role.MANAGER, district.code(), null);
        demo("slrt", "Operator SLRT Kabupaten", Role.OPERATOR_SLRT, district.code(), null);
        demo("supervisor", "Supervisor Kecamatan " + kec1.name(), Role.SUPERVISOR, kec1.code(), null);
        demo("supervisor2", "Supervisor Kecamatan " + kec2.name(), Role.SUPERVISOR, kec2.code(), null);
        demo("fasilitator", "Pendamping PKH " + kec1.name(), Role.FASILITATOR, kec1.code(), null);
        demo("operator", "Operator Puskesos " + desa1.name(), Role.OPERATOR_DESA, desa1.code(), null);
        demo("operator2", "Operator Puskesos " + desa2.name(), Role.OPERATOR_DESA, desa2.code(), null);
        demo("mitra", "Petugas Dukcapil", Role.MITRA, district.code(), "DUKCAPIL");
    }

    private void demo(String username, String fullName, Role role, String region, String agency) {
        if (users.findByUsername(username).isEmpty()) {
            create(username, fullName, role, region, agency, DEMO_PASSWORD, false);
            log.info("Demo user {} ({}) created", username, role);
        }
    }

    private void create(String username, String fullName, Role role, String region, String agency, String password,
                        boolean mustChange) {
        Instant now = clock.instant();
        UserAccount user = new UserAccount(Ids.newId(), username, fullName, null, null, role, region, agency, true,
                mustChange, 0, null, null, 0, now, "system", now, "system");
        users.insert(user, encoder.encode(password));
        audit.recordAs(AuditLog.Actor.SYSTEM, "USER_CREATED", "user", user.id().toString(), region,
                Map.of("username", new Change(null, username), "role", new Change(null, role.name()),
                        "regionCode", new Change(null, region)), props.demo() ? "demo" : "first admin");
    }
}
