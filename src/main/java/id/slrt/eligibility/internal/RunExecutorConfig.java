package id.slrt.eligibility.internal;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Runs go one at a time on their own thread: a run reads the whole registry of its region, and two at
 * once on two cores would only slow each other and the pages. The rest wait in line.
 */
@Configuration(proxyBeanMethods = false)
class RunExecutorConfig {

    /** Wrapped so that it is not mistaken for the application's general task executor. */
    public record RunExecutor(ThreadPoolTaskExecutor executor) implements DisposableBean {
        @Override
        public void destroy() {
            executor.shutdown();
        }
    }

    @Bean
    RunExecutor eligibilityRunExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(100);
        executor.setThreadNamePrefix("eligibility-");
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.initialize();
        return new RunExecutor(executor);
    }
}
