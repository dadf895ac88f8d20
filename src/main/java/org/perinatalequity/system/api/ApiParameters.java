package org.perinatalequity.system.api;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.springframework.util.MultiValueMap;

/**
 * The one parser of the API's query parameters: every refusal is a {@link BadRequestException} worded
 * "Parameter 'name': what it takes, not 'value'", so a client reads the same sentence from every endpoint.
 * A parameter that is absent parses to empty (or the given default); the caller decides what that means.
 */
public final class ApiParameters {

    /** A month as the API writes it: four-digit year, two-digit month. */
    public static final String MONTH_PATTERN = "^\\d{4}-(0[1-9]|1[0-2])$";

    private static final Pattern MONTH = Pattern.compile(MONTH_PATTERN);

    private ApiParameters() {
    }

    /** The refusal of a value: "Parameter 'name': expected, not 'value'". */
    public static BadRequestException refused(String name, String expected, String value) {
        return new BadRequestException("Parameter '" + name + "': " + expected + ", not '" + value + "'");
    }

    /** A refusal that is not about one value's shape: "Parameter 'name': reason". */
    public static BadRequestException invalid(String name, String reason) {
        return new BadRequestException("Parameter '" + name + "': " + reason);
    }

    public static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException("Parameter '" + name + "' is required");
        }
        return value;
    }

    /** A value looked up by its id (an enum's, usually); refused with every id it takes, "a, b or c". */
    public static <T> Optional<T> choice(String name, String value, Function<String, Optional<T>> lookup,
            List<String> ids) {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(lookup.apply(value).orElseThrow(() -> refused(name, alternatives(ids), value)));
    }

    /** "a", "a or b", "a, b or c": how a refusal lists what a parameter takes. */
    public static String alternatives(Collection<String> ids) {
        List<String> list = List.copyOf(ids);
        if (list.size() <= 1) {
            return String.join("", list);
        }
        return String.join(", ", list.subList(0, list.size() - 1)) + " or " + list.get(list.size() - 1);
    }

    /** A month, YYYY-MM. */
    public static Optional<YearMonth> month(String name, String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            if (MONTH.matcher(value).matches()) {
                return Optional.of(YearMonth.parse(value));
            }
        } catch (DateTimeParseException e) {
            // falls through to the refusal below
        }
        throw refused(name, "a month as YYYY-MM", value);
    }

    /** {@code from} and {@code to} together: the first may not come after the second. */
    public static void checkOrder(String fromName, Optional<YearMonth> from, String toName, Optional<YearMonth> to) {
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw invalid(fromName, from.get() + " is after '" + toName + "' " + to.get());
        }
    }

    /** true or false; absent gives the default. */
    public static boolean bool(String name, String value, boolean absent) {
        if (value == null) {
            return absent;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw refused(name, "true or false", value);
        };
    }

    /**
     * Every name is an option or a dimension id (a filter), and no option is given twice; with
     * {@code oneValuePerFilter} no filter either. Names are checked in the order given.
     */
    public static void check(MultiValueMap<String, String> params, Collection<String> options,
            Predicate<String> isDimensionId, boolean oneValuePerFilter) {
        params.forEach((name, values) -> {
            boolean option = options.contains(name);
            if (!option && !isDimensionId.test(name)) {
                throw new BadRequestException("Parameter '" + name + "' is neither an option (" + String.join(", ",
                        new TreeSet<>(options)) + ") nor a dimension id (GET /api/dimensions)");
            }
            if (values.size() > 1 && (option || oneValuePerFilter)) {
                throw new BadRequestException("Parameter '" + name + "' given more than once");
            }
        });
    }

    /** Every name is one of the options (an endpoint without filters), and none is given twice. */
    public static void check(MultiValueMap<String, String> params, Collection<String> options) {
        params.forEach((name, values) -> {
            if (!options.contains(name)) {
                throw new BadRequestException("Parameter '" + name + "' is not an option here (" + String.join(", ",
                        new TreeSet<>(options)) + ")");
            }
            if (values.size() > 1) {
                throw new BadRequestException("Parameter '" + name + "' given more than once");
            }
        });
    }

    /** A dimension by its id; the refusal points to the endpoint that lists them. */
    public static <T> T dimension(String name, String id, Function<String, Optional<T>> lookup) {
        return lookup.apply(id).orElseThrow(() -> invalid(name, "unknown dimension '" + id
                + "' (GET /api/dimensions lists them)"));
    }
}
