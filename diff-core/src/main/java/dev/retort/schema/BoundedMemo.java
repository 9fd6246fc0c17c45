package dev.retort.schema;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers a pure function's results for the first {@code limit} distinct inputs, for work done
 * once per column on inputs that repeat: a schema of thousands of columns spells its types a few
 * dozen ways. Bounded, so that no input can grow it without limit.
 */
public final class BoundedMemo<K, V> {
    private final Map<K, V> results = new ConcurrentHashMap<>();
    private final Function<K, V> function;
    private final int limit;

    public BoundedMemo(Function<K, V> function, int limit) {
        this.function = function;
        this.limit = limit;
    }

    public V apply(K input) {
        V known = results.get(input);
        if (known != null) return known;
        V result = function.apply(input);
        if (results.size() < limit) results.put(input, result);
        return result;
    }
}
