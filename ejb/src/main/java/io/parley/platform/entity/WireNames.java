package io.parley.platform.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Enums on the wire: the constant's name in lower case. The one spelling of them, and the one reading. */
public final class WireNames {

    private WireNames() {
    }

    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Names come from clients (frames, bodies, query parameters), so an unknown one is bad input: a 400 naming the
     * unknown {@code what} and the known ones, wherever it is read.
     * @throws Refusal ({@link Refusal.Kind#INVALID})
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String name, String what) {
        for (E constant : type.getEnumConstants()) {
            if (of(constant).equals(name)) {
                return constant;
            }
        }
        throw new Refusal(Refusal.Kind.INVALID, "Unknown " + what + " '" + name + "': "
                + Arrays.stream(type.getEnumConstants()).map(WireNames::of).collect(Collectors.joining(", ")));
    }
}
