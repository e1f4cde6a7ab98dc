package org.neuromanifold.core.model;

import java.util.ArrayList;
import java.util.List;

import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;

/**
 * Where each parameter lives in the flat vector θ. Order: for each layer {@code t}, the weight matrix
 * {@code Wt} row-major, then the bias {@code bt} if the layer has one.
 */
public final class ParameterLayout {
    private final List<ParameterBlock> blocks;
    private final int size;

    private ParameterLayout(List<ParameterBlock> blocks, int size) {
        this.blocks = List.copyOf(blocks);
        this.size = size;
    }

    /** The layout of {@code network}. */
    public static ParameterLayout of(Network network) {
        List<ParameterBlock> blocks = new ArrayList<>();
        int offset = 0;
        for (int t = 0; t < network.layers().size(); t++) {
            Dense d = network.layers().get(t);
            blocks.add(new ParameterBlock("W" + t, t, ParameterBlock.Kind.WEIGHT, d.out(), d.in(), offset));
            offset += d.out() * d.in();
            if (d.bias()) {
                blocks.add(new ParameterBlock("b" + t, t, ParameterBlock.Kind.BIAS, d.out(), 1, offset));
                offset += d.out();
            }
        }
        return new ParameterLayout(blocks, offset);
    }

    /** Total number of parameters. */
    public int size() {
        return size;
    }

    /** The blocks in storage order. */
    public List<ParameterBlock> blocks() {
        return blocks;
    }

    /** The weight block of layer {@code t}. */
    public ParameterBlock weight(int t) {
        return blocks.stream().filter(b -> b.layer() == t && b.kind() == ParameterBlock.Kind.WEIGHT).findFirst()
                .orElseThrow(() -> new SpecificationException(ErrorCode.OUT_OF_RANGE, "layer",
                        "layer: expected an index in [0, " + layerCount() + "), got " + t));
    }

    /** The bias block of layer {@code t}, or {@code null} if the layer has none. */
    public ParameterBlock biasOrNull(int t) {
        return blocks.stream().filter(b -> b.layer() == t && b.kind() == ParameterBlock.Kind.BIAS).findFirst()
                .orElse(null);
    }

    private int layerCount() {
        return blocks.isEmpty() ? 0 : blocks.get(blocks.size() - 1).layer() + 1;
    }

    /** The name of the parameter at flat index {@code index}, e.g. {@code W0[1,2]}. */
    public String name(int index) {
        for (ParameterBlock b : blocks) {
            if (index >= b.offset() && index < b.offset() + b.size()) {
                int local = index - b.offset();
                return b.entryName(local / b.cols(), local % b.cols());
            }
        }
        throw SpecificationException.expected(ErrorCode.OUT_OF_RANGE, "parameter index",
                "an index in [0, " + size + ")", index);
    }

    /** All names in storage order. */
    public List<String> names() {
        List<String> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(name(i));
        }
        return out;
    }

    /**
     * Checks that {@code theta} has this layout's length and only finite entries; the error names the
     * first offending parameter (e.g. {@code W1[0,2] is NaN}).
     */
    public double[] requireValid(double[] theta) {
        requireLength(theta);
        for (int i = 0; i < theta.length; i++) {
            if (!Double.isFinite(theta[i])) {
                throw new SpecificationException(ErrorCode.NOT_FINITE, name(i),
                        "theta: parameter " + name(i) + " is " + theta[i] + "; expected a finite number");
            }
        }
        return theta;
    }

    private void requireLength(double[] theta) {
        if (theta.length != size) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, "theta",
                    "a parameter vector of length " + size, "length " + theta.length);
        }
    }

    /** Copies block {@code block} of θ into a new {@code rows × cols} array. */
    public double[][] unflatten(double[] theta, ParameterBlock block) {
        requireLength(theta);
        double[][] m = new double[block.rows()][block.cols()];
        for (int i = 0; i < block.rows(); i++) {
            System.arraycopy(theta, block.index(i, 0), m[i], 0, block.cols());
        }
        return m;
    }

    /** Writes {@code values} (shape of {@code block}) into θ at the block's place. */
    public void flattenInto(double[][] values, ParameterBlock block, double[] theta) {
        requireLength(theta);
        if (values.length != block.rows()) {
            throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, block.name(), block.rows() + " rows",
                    values.length);
        }
        for (int i = 0; i < block.rows(); i++) {
            if (values[i].length != block.cols()) {
                throw SpecificationException.expected(ErrorCode.SHAPE_MISMATCH, block.name() + " row " + i,
                        block.cols() + " columns", values[i].length);
            }
            System.arraycopy(values[i], 0, theta, block.index(i, 0), block.cols());
        }
    }

    /** Layouts are equal when their blocks are (the same names, shapes and offsets). */
    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterLayout l && l.blocks.equals(blocks);
    }

    @Override
    public int hashCode() {
        return blocks.hashCode();
    }

    @Override
    public String toString() {
        return "ParameterLayout(" + size + " parameters: "
                + blocks.stream().map(b -> b.name() + " " + b.rows() + "×" + b.cols()).toList() + ")";
    }

    /** The flat indices selected by {@code group}, in storage order. */
    public int[] indices(ParameterGroup group) {
        return switch (group) {
            case ParameterGroup.All a -> java.util.stream.IntStream.range(0, size).toArray();
            case ParameterGroup.Layer l -> {
                ParameterBlock w = weight(l.layer());
                ParameterBlock b = biasOrNull(l.layer());
                int n = w.size() + (b == null ? 0 : b.size());
                int[] idx = new int[n];
                for (int k = 0; k < w.size(); k++) {
                    idx[k] = w.offset() + k;
                }
                for (int k = w.size(); k < n; k++) {
                    idx[k] = b.offset() + k - w.size();
                }
                yield idx;
            }
            case ParameterGroup.Neuron nr -> {
                // the neuron's incoming weights (row i of W) then its bias: the vector w of t = wᵀx̃
                ParameterBlock w = weight(nr.layer());
                if (nr.index() < 0 || nr.index() >= w.rows()) {
                    throw SpecificationException.expected(ErrorCode.OUT_OF_RANGE, "neuron index",
                            "an index in [0, " + w.rows() + ") for layer " + nr.layer(), nr.index());
                }
                ParameterBlock b = biasOrNull(nr.layer());
                int[] idx = new int[w.cols() + (b == null ? 0 : 1)];
                for (int j = 0; j < w.cols(); j++) {
                    idx[j] = w.index(nr.index(), j);
                }
                if (b != null) {
                    idx[w.cols()] = b.index(nr.index(), 0);
                }
                yield idx;
            }
        };
    }
}
