package io.github.mnistlab.maven;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.github.mnistlab.maven.plan.SweepDefinition;
import java.util.List;

/**
 * One {@code <sweep>}: a grid of runs the library trains and tabulates in
 * {@code target/lab/sweeps/<id>/sweep.json}, or the ablation of an improved preset (its lab's spec,
 * each change alone, all changes; the report shows what each change bought).
 *
 * <pre>{@code
 * <sweep>
 *   <id>mlp-k-m</id>
 *   <kind>mlp</kind>
 *   <k>1,2,3</k>
 *   <m>10:100:10</m>
 * </sweep>
 * <sweep>
 *   <id>lenet-depth-kernel</id>
 *   <kind>cnn</kind>
 *   <depths>1,2</depths>
 *   <kernels>3,5</kernels>
 * </sweep>
 * <sweep>
 *   <id>what-each-change-bought</id>
 *   <kind>ablation</kind>
 *   <preset>cnn-plus</preset>
 * </sweep>
 * }</pre>
 *
 * @since 0.1.0
 */
public class Sweep {
    /** The sweep's name and directory. Required. */
    private String id;
    /** mlp (depth k × width m), cnn (stages × kernel size) or ablation (an improved preset's changes). Required. */
    private String kind;
    /**
     * The preset every point starts from; default: the library's for the kind (mlp, cnn-lenet). An
     * ablation names the improved preset: mlp-plus, cnn-plus (default), adder-transfer-plus or adder-scratch-plus.
     */
    private String preset;
    /** mlp: hidden layer counts, each 1..3. */
    private List<Integer> k;
    /** mlp: hidden widths, {@code from:to:step}. */
    private String m;
    /** cnn: numbers of conv+pool stages. */
    private List<Integer> depths;
    /** cnn: kernel sizes. */
    private List<Integer> kernels;
    /** Epochs per point. */
    private Integer epochs;
    /** Training digits per point; 0 = all. */
    private Integer limit;
    /** Seed of every point. */
    private Long seed;

    public void setId(String id) { this.id = id; }
    public void setKind(String kind) { this.kind = kind; }
    public void setPreset(String preset) { this.preset = preset; }
    public void setK(List<Integer> k) { this.k = k; }
    public void setM(String m) { this.m = m; }
    public void setDepths(List<Integer> depths) { this.depths = depths; }
    public void setKernels(List<Integer> kernels) { this.kernels = kernels; }
    public void setEpochs(Integer epochs) { this.epochs = epochs; }
    public void setLimit(Integer limit) { this.limit = limit; }
    public void setSeed(Long seed) { this.seed = seed; }

    String id() {
        return id;
    }

    /** The sweep as the planner takes it: every field but the id is a field of the library's sweep spec. */
    SweepDefinition toDefinition() {
        JsonObject fields = new Gson().toJsonTree(this).getAsJsonObject();
        fields.remove("id");
        return SweepDefinition.of(id, fields);
    }
}
