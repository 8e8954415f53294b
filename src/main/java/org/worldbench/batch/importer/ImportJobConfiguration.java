package org.worldbench.batch.importer;

import java.time.Clock;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.worldbench.batch.experiment.RunLifecycleListener;
import org.worldbench.importer.ResultFiles;
import org.worldbench.results.RunRepository;

/**
 * {@code importJob}: compare → report for a run imported from a result file, with the job
 * parameter {@code runId}. Its steps are the experiment job's own {@code compareStep} and
 * {@code reportStep} beans, not copies: an imported run gets its baseline, verdicts and report files
 * exactly as a measured run does. Reading and storing the file happen before the job starts
 * ({@link ImportLauncher}): a bad file is rejected before anything, job records included, is written.
 */
@Configuration(proxyBeanMethods = false)
public class ImportJobConfiguration {

    public static final String JOB_NAME = "importJob";

    @Bean
    ResultFiles resultFiles(Clock clock) {
        return new ResultFiles(org.worldbench.importer.ImportLimits.DEFAULT, clock);
    }

    // job configuration: the experiment job's compare and report steps

    @Bean
    Job importJob(JobRepository jobRepository, @Qualifier("compareStep") Step compareStep,
            @Qualifier("reportStep") Step reportStep, RunRepository runs, PlatformTransactionManager transactionManager,
            Clock clock) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(new RunLifecycleListener(runs, new TransactionTemplate(transactionManager), clock))
                .start(compareStep)
                .next(reportStep)
                .build();
    }
}
