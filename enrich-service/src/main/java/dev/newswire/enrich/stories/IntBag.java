package dev.newswire.enrich.stories;

import java.util.Arrays;

/**
 * A set of small ints (story slots) as an unsorted, growable int array: 4 bytes an element where a
 * {@code TreeSet<String>} entry costs ~40 bytes plus its id string. Removal scans and moves the last
 * element into the hole, so order is not kept — every reader sums or selects, none depends on order.
 * Scanning is cheap at the sizes the index holds (a few thousand ints per feature or bucket).
 * Hand-written: the three operations it needs do not justify a primitive-collections dependency
 * (fastutil's jar is ~23 MB) in the service image.
 */
final class IntBag {

    private static final int[] EMPTY = new int[0];

    private int[] values = EMPTY;
    private int size;

    int size() {
        return size;
    }

    int get(int i) {
        return values[i];
    }

    /** Adds the value if absent; true when it was added. */
    boolean add(int value) {
        if (indexOf(value) >= 0) {
            return false;
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, Math.max(4, size + (size >> 1)));
        }
        values[size++] = value;
        return true;
    }

    /** Removes the value if present; true when it was there. */
    boolean remove(int value) {
        int i = indexOf(value);
        if (i < 0) {
            return false;
        }
        values[i] = values[--size];
        if (size < values.length / 4 && values.length > 16) {
            values = Arrays.copyOf(values, values.length / 2);
        }
        return true;
    }

    boolean isEmpty() {
        return size == 0;
    }

    private int indexOf(int value) {
        for (int i = 0; i < size; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
