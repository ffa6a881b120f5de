package org.openedx.suite.sandbox.lrs;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every answer under {@code /lrs/xapi} carries {@code X-Experience-API-Version: 1.0.3}, as xAPI wants of an LRS:
 * refusals, faults and unknown paths included, so it is set before anything answers.
 */
@Component
class XapiVersionFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.equals(LrsController.PATH) && !path.startsWith(LrsController.PATH + "/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(LrsController.VERSION_HEADER, LrsController.VERSION);
        chain.doFilter(request, response);
    }
}
