package org.perinatalequity.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a service method that loads files into the database, so that every call is audited whoever
 * starts it (DataLoadAuditing). The method declares itself rather than being picked by name, so a
 * rename cannot silently turn the audit off, and security names no feature.
 * <p>
 * The annotated method takes the files as its first argument (a {@code List} of paths), then who asks:
 * a {@link Caller} (user and entry point) or the user's name as a {@code String}, the entry point then
 * being {@link #source()}. It returns a {@link Report}. A method declared otherwise stops start-up.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AuditedLoad {

    /** The audit action, e.g. {@link AuditService#INGEST}. */
    String action();

    /** The entry point named in the audit detail when the caller is given as a user name only. */
    String source() default "";

    /** Who asked and through which door (upload, api, inbox, cli, sample). */
    interface Caller {

        String user();

        String source();
    }

    /** What a load reports to the audit. */
    interface Report {

        /** Rows loaded in all. */
        long loadedRows();

        /** True when everything asked for was loaded; false records the load as a failure. */
        boolean allLoaded();

        /**
         * The audit detail of a finished load; {@code source} is the entry point, for the reports that
         * name it.
         */
        String auditDetail(String source);
    }
}
