package id.slrt;

import id.slrt.platform.StartupProblem;
import id.slrt.platform.Preflight;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(sharedModules = {"shared", "platform"})
public class SlrtApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(SlrtApplication.class);
        app.addListeners(new Preflight());
        try {
            app.run(args);
        } catch (RuntimeException e) {
            StartupProblem problem = StartupProblem.find(e);
            if (problem == null) {
                throw e;
            }
            // Already printed as one line by StartupProblemReporter; no stack trace wall.
            System.exit(1);
        }
    }
}
