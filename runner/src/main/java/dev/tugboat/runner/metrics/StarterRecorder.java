package dev.tugboat.runner.metrics;

import dev.tugboat.core.jobs.JobRunStarter;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Makes the application's {@link JobRunStarter} record every run it starts into {@link
 * FinishedRuns}. Every command, and the migration's inner runs, start jobs through that one bean,
 * so wrapping it reports them all without each command doing anything.
 */
final class StarterRecorder implements BeanPostProcessor {

  private final FinishedRuns runs;

  StarterRecorder(FinishedRuns runs) {
    this.runs = runs;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (!(bean instanceof JobRunStarter)) {
      return bean;
    }
    ProxyFactory proxy = new ProxyFactory(bean);
    // JobRunStarter is a class: the proxy subclasses it.
    proxy.setProxyTargetClass(true);
    proxy.addAdvice(
        (MethodInterceptor)
            invocation ->
                invocation.getMethod().getName().equals("run")
                    ? runs.record(() -> (JobExecution) invocation.proceed())
                    : invocation.proceed());
    return proxy.getProxy(bean.getClass().getClassLoader());
  }
}
