package id.slrt.platform;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.web.server.PortInUseException;

/** Turns known start-up failures into a {@link StartupProblem} analysis (no stack trace). */
public class StartupProblemAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        StartupProblem problem = StartupProblem.find(failure);
        if (problem == null) {
            problem = portInUse(failure);
        }
        return problem == null ? null : new FailureAnalysis(problem.line(), "", problem);
    }

    private static StartupProblem portInUse(Throwable failure) {
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c instanceof PortInUseException p) {
                return Preflight.portInUse(p.getPort());
            }
        }
        return null;
    }
}
