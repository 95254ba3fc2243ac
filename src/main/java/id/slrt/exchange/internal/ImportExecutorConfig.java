package id.slrt.exchange.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The imports' own small pool: two jobs at a time (each holds a database connection for its long
 * transaction, plus short ones for progress), the rest wait in line. Java 17: no virtual threads.
 */
@Configuration(proxyBeanMethods = false)
class ImportExecutorConfig {

    /** Wrapped so that it is not mistaken for the application's general task executor. */
    record ImportExecutor(ThreadPoolTaskExecutor executor) {
    }

    @Bean(destroyMethod = "")
    ImportExecutor importExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(2);
        executor.setQueueCapacity(1000);
        executor.setThreadNamePrefix("import-");
        executor.setWaitForTasksToCompleteOnShutdown(false);
        executor.initialize();
        return new ImportExecutor(executor);
    }

    @Bean
    ImportExecutorShutdown importExecutorShutdown(ImportExecutor executor) {
        return new ImportExecutorShutdown(executor.executor());
    }

    /** Stops the pool with the context; a job cut short rolls back and is marked failed at the next start. */
    record ImportExecutorShutdown(ThreadPoolTaskExecutor executor) implements org.springframework.beans.factory.DisposableBean {
        @Override
        public void destroy() {
            executor.shutdown();
        }
    }
}
