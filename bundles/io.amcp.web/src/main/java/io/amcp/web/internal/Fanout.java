package io.amcp.web.internal;

import io.vertx.core.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Writes one message to many WebSocket connections from a thread outside Vert.x (the kernel's): the
 * connections are grouped by event loop and each loop gets one task that writes to all of its
 * connections, instead of one cross-thread hand-off per connection.
 */
final class Fanout {

    private Fanout() {
    }

    static <S> void write(Iterable<S> sessions, Function<S, Context> loop, Consumer<S> write) {
        Map<Context, List<S>> byLoop = new HashMap<>();
        for (S s : sessions) {
            Context c = loop.apply(s);
            if (c == null) {
                write.accept(s);
            } else {
                byLoop.computeIfAbsent(c, k -> new ArrayList<>()).add(s);
            }
        }
        byLoop.forEach((context, group) -> context.runOnContext(v -> group.forEach(write)));
    }
}
