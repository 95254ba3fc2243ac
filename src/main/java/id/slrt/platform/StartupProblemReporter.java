package id.slrt.platform;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/** Prints an analysed start-up failure as exactly one line on standard error. */
public class StartupProblemReporter implements FailureAnalysisReporter {

    @Override
    public void report(FailureAnalysis analysis) {
        if (analysis.getCause() instanceof StartupProblem problem) {
            System.err.println(problem.line());
        } else {
            System.err.println(analysis.getDescription()
                    + (analysis.getAction() == null || analysis.getAction().isBlank() ? "" : " " + analysis.getAction()));
        }
        System.err.flush();
    }
}
