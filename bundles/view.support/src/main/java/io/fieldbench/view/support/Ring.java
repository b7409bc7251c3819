package io.fieldbench.view.support;

import java.util.Arrays;
import java.util.List;

/**
 * The newest items, at most a fixed number: appending past capacity drops the oldest, in place,
 * at a cost of the batch and never of what is kept. Not thread safe; a view uses it on the EDT.
 *
 * @param <T> one item
 */
public final class Ring<T> {

    private final Object[] items;
    private int start;
    private int size;

    public Ring(int capacity) {
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
    public int append(List<? extends T> batch) {
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
    public T get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return (T) items[(start + index) % items.length];
    }

    public int size() {
        return size;
    }

    public void clear() {
        Arrays.fill(items, null);
        start = 0;
        size = 0;
    }
}
