package io.fieldbench.view.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class RingTest {

    @Test
    void keepsItemsInOrderWhileThereIsRoom() {
        Ring<Integer> ring = new Ring<>(5);

        assertEquals(0, ring.append(List.of(1, 2, 3)));

        assertEquals(List.of(1, 2, 3), contents(ring));
    }

    @Test
    void wrapsAroundDroppingTheOldestAndSaysHowMany() {
        Ring<Integer> ring = new Ring<>(3);
        ring.append(List.of(1, 2));

        assertEquals(2, ring.append(List.of(3, 4, 5)));
        assertEquals(1, ring.append(List.of(6)));

        assertEquals(List.of(4, 5, 6), contents(ring));
        assertThrows(IndexOutOfBoundsException.class, () -> ring.get(3));
    }

    @Test
    void aBatchLargerThanTheRingKeepsItsNewestItems() {
        Ring<Integer> ring = new Ring<>(3);

        assertEquals(7, ring.append(IntStream.rangeClosed(1, 10).boxed().toList()));

        assertEquals(List.of(8, 9, 10), contents(ring));
    }

    @Test
    void clearEmptiesItAndItFillsAgainFromTheStart() {
        Ring<Integer> ring = new Ring<>(2);
        ring.append(List.of(1, 2, 3));

        ring.clear();
        assertEquals(0, ring.size());
        ring.append(List.of(9));

        assertEquals(List.of(9), contents(ring));
        assertThrows(IndexOutOfBoundsException.class, () -> ring.get(-1));
        assertThrows(IllegalArgumentException.class, () -> new Ring<Integer>(0));
    }

    private static List<Integer> contents(Ring<Integer> ring) {
        return IntStream.range(0, ring.size()).mapToObj(ring::get).toList();
    }
}
