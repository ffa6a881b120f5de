package org.openedx.suite.web;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat answers some malformed requests itself, before any servlet runs (an encoded slash in the path, say). This
 * valve makes those answers problem+json too, instead of Tomcat's HTML page.
 */
public class ProblemJsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                String title = status < 500 ? "Bad Request" : "Internal Server Error";
                writer.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"the server refused the request line or its path\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the response is already committed or the client went away; nothing more to tell it
        }
    }
}
