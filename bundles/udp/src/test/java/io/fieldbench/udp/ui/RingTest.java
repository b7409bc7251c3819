package io.fieldbench.udp.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class RingTest {

    @Test
    void keepsTheNewestAndSaysHowManyOldOnesLeft() {
        Ring<Integer> ring = new Ring<>(3);

        assertEquals(0, ring.append(List.of(1, 2)));
        assertEquals(2, ring.append(List.of(3, 4, 5)));

        assertEquals(3, ring.size());
        assertEquals(List.of(3, 4, 5), List.of(ring.get(0), ring.get(1), ring.get(2)));
        assertThrows(IndexOutOfBoundsException.class, () -> ring.get(3));
    }

    @Test
    void clearEmptiesIt() {
        Ring<Integer> ring = new Ring<>(2);
        ring.append(List.of(1, 2, 3));

        ring.clear();
        ring.append(List.of(9));

        assertEquals(1, ring.size());
        assertEquals(9, ring.get(0));
    }
}
