package io.parley.platform.entity;

import java.util.List;
import java.util.function.Function;

/** One page of a list, as every list endpoint answers it: {@code {items, total, page, size}}, pages counted from 0. */
public record Page<T>(List<T> items, long total, int page, int size) {

    public static final int MAX_SIZE = 200;

    public <R> Page<R> map(Function<T, R> mapping) {
        return new Page<>(items.stream().map(mapping).toList(), total, page, size);
    }

    /** @throws Refusal for a negative page or a size outside 1..{@value #MAX_SIZE} */
    public static void requireValid(int page, int size) {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new Refusal(Refusal.Kind.INVALID, "page must be 0 or more and size between 1 and " + MAX_SIZE);
        }
    }
}
