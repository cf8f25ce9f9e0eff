package io.github.mnistlab.record;


/** The version of mnist-models, from its jar manifest ({@code dev} when run from classes). */
public final class LibraryVersion {
    private LibraryVersion() {
    }

    public static String get() {
        String v = LibraryVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
