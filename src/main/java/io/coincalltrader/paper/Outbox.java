package io.coincalltrader.paper;

import com.google.gson.JsonElement;

import java.util.ArrayList;
import java.util.List;

/** Private WebSocket pushes produced while the exchange's lock is held, sent after it is released. */
public final class Outbox {
    /** One push: its {@code dt}, the channel ({@code dataType}) it belongs to, and the payload. */
    public record Push(int dt, String dataType, JsonElement data) {
    }

    private final List<Push> pending = new ArrayList<>();

    public void add(int dt, String dataType, JsonElement data) {
        pending.add(new Push(dt, dataType, data));
    }

    public List<Push> drain() {
        List<Push> out = List.copyOf(pending);
        pending.clear();
        return out;
    }
}
