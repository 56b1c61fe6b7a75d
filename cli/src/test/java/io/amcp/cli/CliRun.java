package io.amcp.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One run of the tool in the test's JVM, with what it printed. */
record CliRun(int code, String out, String err) {

    /** Runs {@code amcp args} with the process's environment. */
    static CliRun amcp(String... args) {
        return amcp(System.getenv(), args);
    }

    /** Runs {@code amcp args} with {@code environment} as its environment variables. */
    static CliRun amcp(Map<String, String> environment, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = AmcpCli.run(environment, args);
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
