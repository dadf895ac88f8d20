package org.perinatalequity.security;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.aopalliance.intercept.MethodInterceptor;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.StaticMethodMatcherPointcutAdvisor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;

/**
 * Audits every load of files into the database (the methods marked {@link AuditedLoad}: ingestion and
 * reference loads), whoever starts it (upload, API, inbox, command line, first-start loader): user,
 * files, outcome and rows loaded. An advisor around the service methods rather than a call inside them,
 * so no entry point can skip it. It wraps the services' own role check, so a refused attempt is
 * recorded as denied.
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
                AuditedLoad load = declaration(AopUtils.getMostSpecificMethod(method, targetClass));
                if (load != null) {
                    checkDeclaration(method, load);
                }
                return load != null;
            }
        };
        advisor.setOrder(ORDER);
        advisor.setAdvice((MethodInterceptor) invocation -> {
            Method method = invocation.getMethod();
            AuditedLoad load = declaration(AopUtils.getMostSpecificMethod(method, invocation.getThis() == null
                    ? method.getDeclaringClass() : invocation.getThis().getClass()));
            Object[] args = invocation.getArguments();
            String user = args[1] instanceof AuditedLoad.Caller caller ? caller.user() : (String) args[1];
            String source = args[1] instanceof AuditedLoad.Caller caller ? caller.source() : load.source();
            String files = files(args[0]);
            try {
                Object result = invocation.proceed();
                if (result instanceof AuditedLoad.Report report) {
                    audit.getObject().recordAs(user, load.action(), files, report.auditDetail(source),
                            report.loadedRows(), report.allLoaded() ? AuditService.Outcome.success
                                    : AuditService.Outcome.failure);
                }
                return result;
            } catch (AccessDeniedException e) {
                audit.getObject().recordAs(user, load.action(), files, "via " + source
                        + ": refused, the role does not allow it", null, AuditService.Outcome.denied);
                throw e;
            } catch (RuntimeException e) {
                audit.getObject().recordAs(user, load.action(), files, "via " + source + ": " + e.getMessage(), null,
                        AuditService.Outcome.failure);
                throw e;
            }
        });
        return advisor;
    }

    private static AuditedLoad declaration(Method method) {
        return AnnotatedElementUtils.findMergedAnnotation(method, AuditedLoad.class);
    }

    /** A load the advice could not read would go unaudited: refuse it at start instead. */
    private static void checkDeclaration(Method method, AuditedLoad load) {
        Class<?>[] parameters = method.getParameterTypes();
        boolean callerGiven = parameters.length >= 2 && AuditedLoad.Caller.class.isAssignableFrom(parameters[1]);
        boolean userGiven = parameters.length >= 2 && parameters[1] == String.class && !load.source().isBlank();
        if (parameters.length < 2 || !List.class.isAssignableFrom(parameters[0]) || !(callerGiven || userGiven)
                || !AuditedLoad.Report.class.isAssignableFrom(method.getReturnType())) {
            throw new IllegalStateException("@AuditedLoad " + method + " must take (List of files, AuditedLoad.Caller)"
                    + " or (List of files, String user) with a source, and return an AuditedLoad.Report");
        }
    }

    private static String files(Object paths) {
        if (!(paths instanceof List<?> list)) {
            return String.valueOf(paths);
        }
        return list.stream().map(p -> p instanceof Path path && path.getFileName() != null
                ? path.getFileName().toString() : String.valueOf(p)).collect(Collectors.joining(", "));
    }
}
