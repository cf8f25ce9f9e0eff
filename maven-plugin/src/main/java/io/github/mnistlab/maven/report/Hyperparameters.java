package io.github.mnistlab.maven.report;

import com.google.gson.JsonElement;
import io.github.mnistlab.maven.report.ReportView.HyperparametersView;
import io.github.mnistlab.maven.report.ReportView.RunFields;
import io.github.mnistlab.maven.report.ReportView.Table;
import io.github.mnistlab.spec.ConvStage;
import io.github.mnistlab.spec.ExperimentSpec;
import io.github.mnistlab.spec.LabJson;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The runs' hyperparameters as tables: every spec field of each run, one column per field (in the
 * spec's order and under its configuration name), and across the runs only the fields whose values
 * differ. Values are written as in configuration: enums by id, stages as {@code channels:kernel:padding:pool}.
 */
final class Hyperparameters {
    private static final List<String> FIELDS = Arrays.stream(ExperimentSpec.class.getRecordComponents())
            .map(RecordComponent::getName).toList();

    private Hyperparameters() {
    }

    static HyperparametersView of(List<ReportInputs.Run> runs, ReportText t) {
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        for (ReportInputs.Run run : runs) {
            values.put(run.record().id(), fields(run.record().spec()));
        }
        List<String> differing = FIELDS.stream()
                .filter(f -> values.values().stream().map(v -> v.get(f)).distinct().count() > 1).toList();
        List<String> header = new ArrayList<>(List.of(t.get("col.run")));
        header.addAll(differing);
        List<List<String>> rows = new ArrayList<>();
        List<RunFields> perRun = new ArrayList<>();
        values.forEach((id, fields) -> {
            List<String> row = new ArrayList<>(List.of(id));
            differing.forEach(f -> row.add(fields.get(f)));
            rows.add(row);
            perRun.add(new RunFields(id, new Table(FIELDS, List.of(FIELDS.stream().map(fields::get).toList()))));
        });
        return new HyperparametersView(new Table(header, rows), perRun);
    }

    /** Each field's value as configuration writes it. */
    static Map<String, String> fields(ExperimentSpec spec) {
        Map<String, String> out = new LinkedHashMap<>();
        var tree = LabJson.gson().toJsonTree(spec).getAsJsonObject();
        for (String field : FIELDS) {
            if (field.equals("stages")) {
                out.put(field, spec.stages().isEmpty() ? "–"
                        : spec.stages().stream().map(ConvStage::toString).collect(Collectors.joining(" ")));
                continue;
            }
            JsonElement value = tree.get(field);
            out.put(field, value == null || value.isJsonNull() || value.isJsonArray() && value.getAsJsonArray().isEmpty() ? "–"
                    : value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()
                            ? new BigDecimal(value.getAsString()).stripTrailingZeros().toPlainString()
                    : value.isJsonPrimitive() ? value.getAsString() : value.toString());
        }
        return out;
    }
}
