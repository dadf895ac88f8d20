package org.perinatalequity.system.api;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.perinatalequity.system.ReadSnapshot;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every read of the API answers from one data version: a {@code GET} (or {@code HEAD}) under {@code /api/} runs in
 * one {@link ReadSnapshot}, whatever the controller and services it calls ask the database, exports and their audit
 * included. Runs after the security chain (a Filter bean without an order comes last), so a refused request holds no
 * connection. Writes ({@code POST /api/ingest}, a worklist {@code PUT}) are not wrapped: they commit their own work.
 */
@Component
class ReadSnapshotFilter extends OncePerRequestFilter {

    private final ReadSnapshot snapshot;

    ReadSnapshotFilter(ReadSnapshot snapshot) {
        this.snapshot = snapshot;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(("GET".equals(method) || "HEAD".equals(method)) && path.startsWith("/api/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            snapshot.run(() -> {
                try {
                    chain.doFilter(request, response);
                } catch (IOException e) {
                    throw new WrappedIo(e);
                } catch (ServletException e) {
                    throw new WrappedServlet(e);
                }
            });
        } catch (WrappedIo e) {
            throw e.io;
        } catch (WrappedServlet e) {
            throw e.servlet;
        }
    }

    /** Carries a checked exception of the chain through the snapshot's callback. */
    private static final class WrappedIo extends RuntimeException {
        private final IOException io;

        WrappedIo(IOException io) {
            super(io);
            this.io = io;
        }
    }

    private static final class WrappedServlet extends RuntimeException {
        private final ServletException servlet;

        WrappedServlet(ServletException servlet) {
            super(servlet);
            this.servlet = servlet;
        }
    }
}
