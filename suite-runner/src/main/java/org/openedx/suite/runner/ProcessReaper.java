package org.openedx.suite.runner;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure no child process outlives this JVM, however it ends.
 *
 * <p>Shutdown hooks cover Ctrl-C and normal exits, but not a SIGKILL (a build timeout, surefire giving up on a fork,
 * an IDE's stop button). So every child is also registered with a tiny shell process that holds the read end of a pipe
 * from this JVM: when this JVM is gone, for whatever reason, the kernel closes the pipe, the shell reads end-of-file
 * and signals the children still registered. Children stopped normally are unregistered first.
 */
final class ProcessReaper {

    private static final Logger log = LoggerFactory.getLogger(ProcessReaper.class);

    // Ignores INT/TERM/HUP: a Ctrl-C reaches the whole foreground process group, and the reaper must outlive the
    // runner to do its job; it always ends when the runner's end of the pipe closes.
    private static final String SCRIPT = """
            trap '' INT TERM HUP
            entries=''
            while read -r op signal pid; do
              case "$op" in
                watch) entries="$entries $signal:$pid" ;;
                forget) kept=''; for e in $entries; do [ "${e#*:}" = "$pid" ] || kept="$kept $e"; done; entries="$kept" ;;
              esac
            done
            for e in $entries; do kill -s "${e%%:*}" "${e#*:}" 2>/dev/null; done
            """;

    private static OutputStream pipe;
    private static boolean unavailable;

    private ProcessReaper() {
    }

    /** Sends {@code signal} (KILL, QUIT, ...) to {@code pid} if this JVM ends while it is still registered. */
    static synchronized void watch(long pid, String signal) {
        send("watch " + signal + " " + pid);
    }

    static synchronized void forget(long pid) {
        send("forget - " + pid);
    }

    private static void send(String line) {
        if (unavailable) {
            return;
        }
        try {
            if (pipe == null) {
                Process reaper = new ProcessBuilder("/bin/sh", "-c", SCRIPT)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start();
                pipe = reaper.getOutputStream();
            }
            pipe.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
            pipe.flush();
        } catch (IOException | UncheckedIOException e) {
            unavailable = true;
            log.warn("Cannot start the process reaper; child processes may outlive a killed runner: {}", e.toString());
        }
    }
}
