package org.worldbench.batch.experiment;

import java.nio.file.Path;
import java.time.Clock;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;
import org.springframework.transaction.support.TransactionTemplate;
import org.worldbench.analysis.VerdictSettings;
import org.worldbench.experiment.jmh.JmhTrialRunner;
import org.worldbench.report.ReportService;
import org.worldbench.results.Baselines;
import org.worldbench.results.ComparisonRepository;
import org.worldbench.results.RunRepository;
import org.worldbench.results.RunStore;
import org.worldbench.results.TrialRepository;

/**
 * {@code experimentJob}: plan → measure → compare → report, for the run named by the job
 * parameter {@code runId}. See this package's README for restart semantics.
 */
@Configuration(proxyBeanMethods = false)
public class ExperimentJobConfiguration {

    public static final String JOB_NAME = "experimentJob";
    /** The identifying job parameter: one job instance per run, so restarting a run restarts its instance. */
    public static final String RUN_ID = "runId";

    // step 1 configuration: plan

    @Bean
    @StepScope
    PlanTrialsTasklet planTrialsTasklet(@Value("#{jobParameters['runId']}") Long runId, ExperimentSpecs specs,
            RunRepository runs, TrialRepository trials, RunStore store) {
        return new PlanTrialsTasklet(runId, specs, runs, trials, store);
    }

    @Bean
    Step planStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, PlanTrialsTasklet tasklet) {
        return new StepBuilder("plan", jobRepository).tasklet(tasklet, transactionManager).build();
    }

    // step 2 configuration: measure

    @Bean
    @ConditionalOnMissingBean
    JmhTrialRunner jmhTrialRunner() {
        return new JmhTrialRunner();
    }

    @Bean
    @StepScope
    MeasureTrialsTasklet measureTrialsTasklet(@Value("#{jobParameters['runId']}") Long runId, ExperimentSpecs specs,
            RunRepository runs, TrialRepository trials, RunStore store, JmhTrialRunner runner,
            ApplicationEventPublisher events, @Value("${worldbench.reports-dir:./reports}") Path reportsDirectory, Clock clock) {
        return new MeasureTrialsTasklet(runId, specs, runs, trials, store, runner::measure, events, reportsDirectory, clock);
    }

    @Bean
    Step measureStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            MeasureTrialsTasklet tasklet) {
        // No transaction around a call: a trial (or a fork) may take minutes. Each trial's results, or
        // each fork in interleaved order, commit in RunStore's own transaction as soon as they end.
        DefaultTransactionAttribute noTransaction = new DefaultTransactionAttribute(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        return new StepBuilder("measure", jobRepository).tasklet(tasklet, transactionManager)
                .transactionAttribute(noTransaction).build();
    }

    // step 3 configuration: compare

    /** The verdict rule's settings (docs/verdicts.md); the spec's thresholds set the minimum effects. */
    @Bean
    @ConditionalOnMissingBean
    VerdictSettings verdictSettings() {
        return VerdictSettings.defaults();
    }

    @Bean
    @StepScope
    CompareTasklet compareTasklet(@Value("#{jobParameters['runId']}") Long runId, ExperimentSpecs specs,
            RunRepository runs, TrialRepository trials, ComparisonRepository comparisons,
            RunStore store, Baselines baselines, VerdictSettings settings, ComparisonHistory history) {
        return new CompareTasklet(runId, specs, runs, trials, comparisons, store, baselines, settings, history);
    }

    @Bean
    Step compareStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, CompareTasklet tasklet) {
        return new StepBuilder("compare", jobRepository).tasklet(tasklet, transactionManager).build();
    }

    // step 4 configuration: report

    @Bean
    @StepScope
    ReportTasklet reportTasklet(@Value("#{jobParameters['runId']}") Long runId, ReportService reports, RunRepository runs,
            Clock clock) {
        return new ReportTasklet(runId, reports, runs, clock);
    }

    @Bean
    Step reportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, ReportTasklet tasklet) {
        return new StepBuilder("report", jobRepository).tasklet(tasklet, transactionManager).build();
    }

    // job configuration

    @Bean
    Job experimentJob(JobRepository jobRepository, Step planStep, Step measureStep, Step compareStep, Step reportStep,
            RunRepository runs, PlatformTransactionManager transactionManager, Clock clock) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .listener(new RunLifecycleListener(runs, new TransactionTemplate(transactionManager), clock))
                .start(planStep)
                .next(measureStep)
                .next(compareStep)
                .next(reportStep)
                .build();
    }
}
