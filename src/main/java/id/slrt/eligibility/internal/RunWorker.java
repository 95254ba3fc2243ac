package id.slrt.eligibility.internal;

import id.slrt.eligibility.EligibilityRun;
import id.slrt.eligibility.RunStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Works a run off in the background as the user who started it (so the region scope and the audit
 * trail are theirs): one program over one region unit per transaction, progress and counts saved after
 * each, so the page can show how far it is and a failure keeps what was found until then.
 */
@Component
public class RunWorker {
    private static final Logger log = LoggerFactory.getLogger(RunWorker.class);

    private final EligibilityRepository repository;
    private final TransactionTemplate tx;
    private final RunExecutorConfig.RunExecutor executor;
    private final Clock clock;

    RunWorker(EligibilityRepository repository, PlatformTransactionManager transactions,
              RunExecutorConfig.RunExecutor executor, Clock clock) {
        this.repository = repository;
        this.tx = new TransactionTemplate(transactions);
        this.executor = executor;
        this.clock = clock;
    }

    /** What a run does: per program its compiled rules, and the region units it goes through. */
    public record Plan(UUID runId, Map<String, List<RunStep.CompiledRule>> programs, List<String> units, LocalDate asOf) {
    }

    /** Queues the run; false when too many wait already (the caller marks it failed). */
    public boolean submit(Plan plan, Authentication starter) {
        try {
            executor.executor().execute(() -> work(plan, starter));
            return true;
        } catch (TaskRejectedException busy) {
            return false;
        }
    }

    private void work(Plan plan, Authentication starter) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(starter);
        SecurityContextHolder.setContext(context);
        long started = System.nanoTime();
        try {
            Map<String, EligibilityRun.Counts> counts = new LinkedHashMap<>();
            int done = 0;
            for (Map.Entry<String, List<RunStep.CompiledRule>> program : plan.programs().entrySet()) {
                long programStarted = System.nanoTime();
                for (String unit : plan.units()) {
                    int step = ++done;
                    tx.executeWithoutResult(s -> {
                        EligibilityRun.Counts c = RunStep.execute(repository.jdbc(), plan.runId(), program.getKey(),
                                program.getValue(), unit, plan.asOf());
                        counts.merge(program.getKey(), c, RunWorker::add);
                        repository.progress(plan.runId(), step, counts);
                    });
                }
                log.info("Eligibility run {}: {} over {} unit(s) in {} ms: {}", plan.runId(), program.getKey(),
                        plan.units().size(), (System.nanoTime() - programStarted) / 1_000_000, counts.get(program.getKey()));
            }
            tx.executeWithoutResult(s -> repository.finish(plan.runId(), RunStatus.DONE, null, clock.instant()));
            log.info("Eligibility run {} done in {} ms", plan.runId(), (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException | Error e) {
            log.error("Eligibility run {} failed", plan.runId(), e);
            tx.executeWithoutResult(s -> repository.finish(plan.runId(), RunStatus.FAILED,
                    "eligibility.run.failure.unexpected", clock.instant()));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static EligibilityRun.Counts add(EligibilityRun.Counts a, EligibilityRun.Counts b) {
        return new EligibilityRun.Counts(a.households() + b.households(), a.eligible() + b.eligible(),
                a.receiving() + b.receiving(), a.exclusion() + b.exclusion(), a.inclusion() + b.inclusion());
    }
}
