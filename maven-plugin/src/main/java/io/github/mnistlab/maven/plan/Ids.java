package io.github.mnistlab.maven.plan;

import java.util.regex.Pattern;

/** The names that become directory names: experiment and sweep ids. */
final class Ids {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private Ids() {
    }

    /** Checks that {@code id} can name a directory; {@code element} is its POM element, e.g. {@code experiment}. */
    static String check(String element, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(element + " id '" + id + "' is not usable: give each <" + element
                    + "> an <id> of letters, digits, '.', '_' or '-' (it names a directory)");
        }
        return id;
    }
}
