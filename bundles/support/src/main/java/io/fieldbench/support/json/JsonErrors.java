package io.fieldbench.support.json;

import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Jackson's parse errors as one line a user can act on: its message without the asides meant for
 * programmers (where an unclosed object began, which constraint or feature flag). In a package of
 * its own so that only bundles that parse JSON copy it in and import Jackson.
 */
public final class JsonErrors {

    private static final Pattern ASIDES = Pattern.compile(
            " \\(start marker at \\[Source[^]]*]\\)|, from `[^`]*`|: enable `[^`]*` to allow");

    private JsonErrors() {
    }

    /** What went wrong, without where: the caller says where in its own terms. */
    public static String reason(JsonProcessingException e) {
        return ASIDES.matcher(e.getOriginalMessage()).replaceAll("");
    }
}
