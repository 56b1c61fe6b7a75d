package io.amcp.security.internal.command;

import org.apache.karaf.shell.support.ShellUtil;

/** The audit actor of a shell command: {@code shell:<user>}. */
final class ShellActor {

    private ShellActor() {
    }

    static String current() {
        String user = ShellUtil.getCurrentUserName();
        return "shell:" + (user == null || user.isBlank() ? "local" : user);
    }
}
