package io.fieldbench.udp.ui;

import java.util.Arrays;
import java.util.List;

/**
 * The newest items, at most a fixed number: appending past capacity drops the oldest. Not thread
 * safe; the traffic log uses it on the EDT.
 */
final class Ring<T> {

    private final Object[] items;
    private int start;
    private int size;

    Ring(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        items = new Object[capacity];
    }

    /**
     * Appends the items in order.
     *
     * @return how many of the oldest items were dropped to make room
     */
    int append(List<? extends T> batch) {
        int dropped = 0;
        for (T item : batch) {
            if (size < items.length) {
                items[(start + size) % items.length] = item;
                size++;
            } else {
                items[start] = item;
                start = (start + 1) % items.length;
                dropped++;
            }
        }
        return dropped;
    }

    /** The item at this index; 0 is the oldest kept. */
    @SuppressWarnings("unchecked")
    T get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return (T) items[(start + index) % items.length];
    }

    int size() {
        return size;
    }

    int capacity() {
        return items.length;
    }

    void clear() {
        Arrays.fill(items, null);
        start = 0;
        size = 0;
    }
}
