package io.coincalltrader.engine.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * FX-free listeners of immutable values. A failing listener is logged and skipped, so one broken view can never
 * stop the engine from telling the others. Each registration returns the handle that ends it.
 */
public final class Listeners<T> {
    private static final Logger log = LoggerFactory.getLogger(Listeners.class);
    private final CopyOnWriteArrayList<Consumer<? super T>> listeners = new CopyOnWriteArrayList<>();
    private final String name;

    public Listeners(String name) {
        this.name = name;
    }

    public Subscription add(Consumer<? super T> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Hands the value to every listener on the calling thread, in registration order. */
    public void publish(T value) {
        for (Consumer<? super T> l : listeners) {
            try {
                l.accept(value);
            } catch (RuntimeException e) {
                log.error("{} listener failed", name, e);
            }
        }
    }

    public int size() {
        return listeners.size();
    }
}
