package org.openedx.suite.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses query parameters with the NUL character before any controller sees them: PostgreSQL cannot compare text
 * with it and would answer with an error, not with "no match".
 */
final class ParameterGuard implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            for (String value : parameter.getValue()) {
                // a form-encoded body on PUT can yield parameters without a value
                if ((value != null && value.indexOf('\u0000') >= 0) || parameter.getKey().indexOf('\u0000') >= 0) {
                    throw ApiException.badRequest(parameter.getKey().replace('\u0000', '?'),
                            "must not contain the NUL character");
                }
            }
        }
        return true;
    }
}
