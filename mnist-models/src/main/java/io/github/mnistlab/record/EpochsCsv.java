package io.github.mnistlab.record;

import java.util.Locale;

/**
 * A run's epochs as CSV (RFC 4180, comma separated, a header line, {@code \n} line ends, empty cells
 * where a value was not measured): the trainer writes it next to {@code run.json} as
 * {@value #FILE_NAME}, the report copies it next to the page for a spreadsheet.
 */
public final class EpochsCsv {
    /** The file's name in a run directory. */
    public static final String FILE_NAME = "epochs.csv";

    private EpochsCsv() {
    }

    /** The CSV text of {@code record}'s epochs, one line each after the header. */
    public static String of(RunRecord record) {
        StringBuilder csv = new StringBuilder("epoch,iterations,seconds,train_loss,train_error,validation_loss,"
                + "validation_error,test_loss,test_error,best,recomputed_steps,skipped_steps\n");
        for (EpochRecord e : record.epochs()) {
            csv.append(e.epoch()).append(',').append(e.iterations()).append(',').append(number(e.seconds())).append(',')
                    .append(number(e.trainLoss())).append(',').append(number(e.trainError())).append(',')
                    .append(number(e.validationLoss())).append(',').append(number(e.validationError())).append(',')
                    .append(number(e.testLoss())).append(',').append(number(e.testError())).append(',')
                    .append(e.epoch() == record.bestEpoch()).append(',')
                    .append(e.recomputedSteps()).append(',').append(e.skippedSteps()).append('\n');
        }
        return csv.toString();
    }

    private static String number(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.6g", value);
    }
}
