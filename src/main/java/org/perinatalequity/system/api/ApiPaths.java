package org.perinatalequity.system.api;

import jakarta.servlet.http.HttpServletRequest;

/** Whether a request is one of the API's ({@code /api/**}), whose every answer, errors included, is JSON. */
public final class ApiPaths {

    public static final String PREFIX = "/api/";

    private ApiPaths() {
    }

    /** The request's path inside the application, without the context path. */
    public static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    public static boolean isApi(HttpServletRequest request) {
        String path = path(request);
        return path.startsWith(PREFIX) || path.equals("/api");
    }
}
