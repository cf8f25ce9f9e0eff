package io.github.mnistlab.maven.report;

import java.util.List;

/**
 * One thing the report's analysis found in the numbers, before it is put into words: what kind of
 * finding, which run or comparison it is about, and the values its sentence states (already in the
 * report's number formats), in the order of the sentence's placeholders.
 *
 * @param kind      what was found
 * @param subject   the run or comparison id it is about; null for {@link Kind#NONE}
 * @param arguments the sentence's values, the subject first
 */
record Finding(Kind kind, String subject, List<Object> arguments) {
    /** The kinds of finding, each with the key of its sentence in the report's bundles. */
    enum Kind {
        /** A run recorded no epoch. */
        NO_EPOCHS("analysis.noEpochs"),
        /** Where a complete run ended: test error, iterations, time, best epoch. */
        REACHED("analysis.reached"),
        /** A run that stopped (diverged) and why. */
        STOPPED("analysis.stopped"),
        /** Training error well below validation error at the last epoch. */
        OVERFIT("analysis.overfit"),
        /** Steps the step check recomputed or skipped, counted by kind. */
        STEP_EVENTS("analysis.stepEvents"),
        /** The same, from a record that kept only the totals. */
        STEP_EVENTS_UNNAMED("analysis.stepEventsUnnamed"),
        /** The best validation epoch came before the last. */
        EARLY_BEST("analysis.earlyBest"),
        /** An improved preset's run against a run of its lab's preset. */
        IMPROVED("analysis.improved"),
        /** The best run of a comparison. */
        COMPARE_BEST("analysis.compareBest"),
        /** Two validation curves of a comparison cross. */
        CROSS("analysis.cross"),
        /** A k × m sweep: the depths k with points near chance. */
        SWEEP_MLP_CHANCE("analysis.sweep.mlpChance"),
        /** A k × m sweep: accuracy rises with m up to a best width, and more units stop paying from some m. */
        SWEEP_MLP_WIDTH("analysis.sweep.mlpWidth"),
        /** A k × m sweep: accuracy still rises at the widest m. */
        SWEEP_MLP_RISING("analysis.sweep.mlpRising"),
        /** A k × m sweep: the narrowest m is best. */
        SWEEP_MLP_NARROW_BEST("analysis.sweep.mlpNarrowBest"),
        /** A k × m sweep: the best width of each depth and the best point. */
        SWEEP_MLP_DEPTH("analysis.sweep.mlpDepth"),
        /** A k × m sweep in brief, for {@code summary.md}. */
        SWEEP_MLP_BRIEF("analysis.sweep.mlpBrief"),
        /** The same, with the depths that stay near chance. */
        SWEEP_MLP_BRIEF_CHANCE("analysis.sweep.mlpBriefChance"),
        /** A depth × kernel sweep: accuracy and time against depth, at the best point's kernel size. */
        SWEEP_CNN_DEPTH("analysis.sweep.cnnDepth"),
        /** A depth × kernel sweep: accuracy and time against kernel size, at the best point's depth. */
        SWEEP_CNN_KERNEL("analysis.sweep.cnnKernel"),
        /** A depth × kernel sweep: a faster point comes close to the best. */
        SWEEP_CNN_CHEAPER("analysis.sweep.cnnCheaper"),
        /** A depth × kernel sweep: no faster point comes close; what the best costs over the fastest. */
        SWEEP_CNN_COSTS("analysis.sweep.cnnCosts"),
        /** A depth × kernel sweep whose best point is also its fastest. */
        SWEEP_CNN_NO_TRADE_OFF("analysis.sweep.cnnNoTradeOff"),
        /** A depth × kernel sweep in brief, for {@code summary.md}. */
        SWEEP_CNN_BRIEF("analysis.sweep.cnnBrief"),
        /** A small CNN run over-fits: validation error up by the rule while training error falls, from some epoch. */
        OVERFIT_FROM("analysis.overfit.from"),
        /** A small CNN run that does not over-fit by the rule. */
        OVERFIT_NONE("analysis.overfit.none"),
        /** A run whose best epoch is its last. */
        BEST_LAST("analysis.overfit.bestLast"),
        /** A run's best epoch and what the epochs after it cost. */
        BEST_COST("analysis.overfit.bestCost"),
        /** A small CNN run in brief, over-fitting, for {@code summary.md}. */
        OVERFIT_BRIEF("analysis.overfit.brief"),
        /** A small CNN run in brief, no over-fitting, for {@code summary.md}. */
        OVERFIT_BRIEF_NONE("analysis.overfit.briefNone"),
        /** A wide CNN run: the digits of lowest F1. */
        HARDEST_DIGITS("analysis.confusion.hardest"),
        /** A wide CNN run: the most frequent true → predicted confusions. */
        CONFUSIONS("analysis.confusion.pairs"),
        /** A wide CNN run without a mistake. */
        CONFUSIONS_NONE("analysis.confusion.none"),
        /** A wide CNN run in brief, for {@code summary.md}. */
        CONFUSION_BRIEF("analysis.confusion.brief"),
        /** The same, for a run without a mistake. */
        CONFUSION_BRIEF_NONE("analysis.confusion.briefNone"),
        /** Nothing to analyse. */
        NONE("analysis.none");

        private final String key;

        Kind(String key) {
            this.key = key;
        }
    }

    Finding {
        arguments = List.copyOf(arguments);
    }

    static Finding of(Kind kind, String subject, Object... arguments) {
        return new Finding(kind, subject, List.of(arguments));
    }

    /** The key of the kind's sentence in the report's bundles. */
    String key() {
        return kind.key;
    }

    /** The finding as a sentence in the report's language; a {@link Phrase} argument is put into words first. */
    String text(ReportText t) {
        return t.format(kind.key, words(t).toArray());
    }

    /** The sentence's values with each {@link Phrase} put into words. */
    List<Object> words(ReportText t) {
        return words(t, arguments);
    }

    private static List<Object> words(ReportText t, List<Object> arguments) {
        return arguments.stream().map(a -> a instanceof Phrase p ? (Object) t.format(p.key(), words(t, p.arguments()).toArray())
                : a instanceof Listing l ? String.join(t.get(l.separator()),
                        words(t, l.items()).stream().map(String::valueOf).toList())
                : a).toList();
    }

    /**
     * Values or phrases one after another, e.g. one per point of a sweep's line, joined as the report's
     * language does: by the word under {@code separator} ({@code analysis.listSeparator} for phrases,
     * {@code analysis.valueSeparator} for numbers).
     */
    record Listing(List<Object> items, String separator) {
        Listing {
            items = List.copyOf(items);
        }

        /** Phrases, each a clause of its own. */
        static Listing of(List<Phrase> phrases) {
            return new Listing(List.copyOf(phrases), "analysis.listSeparator");
        }

        /** Plain values, e.g. the depths k = 2, 3. */
        static Listing values(List<?> values) {
            return new Listing(List.copyOf(values), "analysis.valueSeparator");
        }
    }

    /**
     * Part of a sentence that has words of its own (e.g. "cuts the errors by 70 %"): its key in the
     * report's bundles and its values.
     */
    record Phrase(String key, List<Object> arguments) {
        Phrase {
            arguments = List.copyOf(arguments);
        }

        static Phrase of(String key, Object... arguments) {
            return new Phrase(key, List.of(arguments));
        }
    }
}
