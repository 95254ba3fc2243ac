package id.slrt.registry.generator;

import id.slrt.platform.SlrtProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Demo mode: on the first start (no household yet) the district gets a synthetic registry of
 * {@code slrt.demo-people} people, always from the same seed, so every demo shows the same families.
 * A benchmark run ({@code slrt.generate.people}) takes precedence.
 */
@Component
class DemoRegistryLoader implements ApplicationRunner {
    static final long SEED = 1409_2026L;
    private static final Logger log = LoggerFactory.getLogger(DemoRegistryLoader.class);

    private final RegistryGenerator generator;
    private final SlrtProperties props;
    private final String demoPeople;
    private final String generatePeople;

    DemoRegistryLoader(RegistryGenerator generator, SlrtProperties props,
                       @Value("${slrt.demo-people:20000}") String demoPeople,
                       @Value("${slrt.generate.people:}") String generatePeople) {
        this.generator = generator;
        this.props = props;
        this.demoPeople = demoPeople;
        this.generatePeople = generatePeople;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!props.demo() || !generatePeople.isBlank() || generator.householdCount(props.district()) > 0) {
            return;
        }
        int people = Settings.positiveInt("SLRT_DEMO_PEOPLE", demoPeople);
        GenerationReport report = generator.generate(GenerationRequest.of(props.district(), SEED, people));
        log.info("Demo registry generated for {}: {} households, {} people in {} ms", props.district(),
                report.households(), report.people(), report.elapsed().toMillis());
    }
}
