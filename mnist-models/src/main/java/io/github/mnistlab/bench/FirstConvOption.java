package io.github.mnistlab.bench;

import picocli.CommandLine.Option;

/** {@code --first-conv}: which first convolution a benchmark's CNN gets, the product's or DJL's. */
public final class FirstConvOption {
    @Option(names = "--first-conv", defaultValue = "unfold",
            description = "A CNN's first convolution: unfold (the product's UnfoldConv2d) or plain (DJL's Conv2d).")
    String name;

    /**
     * Whether the first convolution is the product's {@code UnfoldConv2d}.
     *
     * @throws IllegalArgumentException for a name other than unfold or plain
     */
    public boolean unfold() {
        if (!name.equals("unfold") && !name.equals("plain")) {
            throw new IllegalArgumentException("--first-conv is '" + name + "'; use unfold or plain");
        }
        return name.equals("unfold");
    }

    /** The name given: unfold or plain. */
    public String id() {
        return name;
    }
}
