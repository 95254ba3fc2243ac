package id.slrt.platform;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/** Runs work in the whole district's scope: for log-in checks, start-up and scheduled jobs. */
@Component
public class Scopes {
    private final String district;

    Scopes(SlrtProperties props) {
        this.district = props.district();
    }

    public String district() {
        return district;
    }

    public <T> T asDistrict(Supplier<T> work) {
        return DbScope.callAs(district, work);
    }

    public void runAsDistrict(Runnable work) {
        DbScope.runAs(district, work);
    }
}
