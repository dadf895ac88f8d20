package org.perinatalequity.security;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.aopalliance.intercept.MethodInterceptor;
import org.perinatalequity.ingest.IngestReport;
import org.perinatalequity.ingest.IngestService;
import org.perinatalequity.reference.ReferenceReport;
import org.perinatalequity.reference.ReferenceService;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.StaticMethodMatcherPointcutAdvisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.security.access.AccessDeniedException;

/**
 * Audits every ingestion and reference load, whoever starts it (upload, API, inbox, command line,
 * first-start loader): user, files, outcome and rows loaded. An advisor around the two service methods
 * rather than a call inside them, so no entry point can skip it. It wraps the services' own role check,
 * so a refused attempt is recorded as denied.
 */
@Configuration(proxyBeanMethods = false)
class DataLoadAuditing {

    /** Outside method security's interceptors (order 500 and up), so it sees their refusals. */
    static final int ORDER = 100;

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor dataLoadAuditAdvisor(ObjectProvider<AuditService> audit) {
        StaticMethodMatcherPointcutAdvisor advisor = new StaticMethodMatcherPointcutAdvisor() {
            @Override
            public boolean matches(Method method, Class<?> targetClass) {
                return (IngestService.class.isAssignableFrom(targetClass) && method.getName().equals("ingest"))
                        || (ReferenceService.class.isAssignableFrom(targetClass) && method.getName().equals("load"));
            }
        };
        advisor.setOrder(ORDER);
        advisor.setAdvice((MethodInterceptor) invocation -> {
            Object[] args = invocation.getArguments();
            boolean ingest = invocation.getMethod().getName().equals("ingest");
            String action = ingest ? AuditService.INGEST : AuditService.REFERENCE_LOAD;
            String user = ingest ? ((IngestService.Requester) args[1]).user() : (String) args[1];
            String source = ingest ? ((IngestService.Requester) args[1]).source() : "reference";
            String files = files(args[0]);
            try {
                Object result = invocation.proceed();
                if (result instanceof IngestReport report) {
                    long rows = report.submissions().stream().flatMap(s -> s.tables().stream())
                            .mapToLong(IngestReport.TableCount::loaded).sum();
                    audit.getObject().recordAs(user, action, files, "via " + source + ": " + summary(report), rows,
                            report.allLoaded() ? AuditService.Outcome.success : AuditService.Outcome.failure);
                } else if (result instanceof ReferenceReport report) {
                    long rows = report.files().stream().mapToLong(ReferenceReport.LoadedFile::rows).sum();
                    audit.getObject().recordAs(user, action, files, report.files().stream()
                            .map(f -> f.file() + " (" + f.layout() + ")").collect(Collectors.joining(", ")), rows,
                            AuditService.Outcome.success);
                }
                return result;
            } catch (AccessDeniedException e) {
                audit.getObject().recordAs(user, action, files, "via " + source + ": refused, the role does not allow it",
                        null, AuditService.Outcome.denied);
                throw e;
            } catch (RuntimeException e) {
                audit.getObject().recordAs(user, action, files, "via " + source + ": " + e.getMessage(), null,
                        AuditService.Outcome.failure);
                throw e;
            }
        });
        return advisor;
    }

    private static String files(Object paths) {
        if (!(paths instanceof List<?> list)) {
            return String.valueOf(paths);
        }
        return list.stream().map(p -> p instanceof Path path && path.getFileName() != null
                ? path.getFileName().toString() : String.valueOf(p)).collect(Collectors.joining(", "));
    }

    private static String summary(IngestReport report) {
        return report.submissions().stream().map(s -> s.path() + " " + s.status()
                + (s.status() == IngestReport.Status.loaded ? " " + s.provider() + " " + s.periodStart() + " to "
                        + s.periodEnd() : ": " + s.message()))
                .collect(Collectors.joining("; "));
    }
}
