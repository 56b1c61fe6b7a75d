package io.amcp.cluster;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Sends POSIX signals ({@code STOP}, {@code CONT}) to the member JVMs of the failover tests. */
final class Signals {

    private Signals() {
    }

    /** Sends {@code signal} to {@code process} with {@code kill}; false if it is gone or kill failed. */
    static boolean send(Process process, String signal) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
            return kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
