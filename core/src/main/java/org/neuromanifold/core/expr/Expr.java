package org.neuromanifold.core.expr;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.neuromanifold.core.data.InputDistribution;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.error.SpecificationException;
import org.neuromanifold.core.model.ParameterGroup;
import org.neuromanifold.core.scalar.Fn;
import org.neuromanifold.core.scalar.Term;

/**
 * A small tensor-expression language for stating identities about a network {@code f_θ}, a loss ℓ and
 * data. Expressions are plain data; the numeric module evaluates them with autodiff at concrete θ, x,
 * y, and the symbolic module translates them to Symja and to LaTeX.
 *
 * <p>Values are scalars, vectors or matrices. The evaluation context supplies the network, θ, one
 * input {@code x} and target {@code y} (or a data set / distribution for {@link Expectation}).
 */
public sealed interface Expr {

    // ---- leaves ------------------------------------------------------------------------------

    /** The network output f_θ(x) (a vector of the output width). */
    record Output() implements Expr {
    }

    /** The input x. */
    record Input() implements Expr {
    }

    /** The target y. */
    record Target() implements Expr {
    }

    /** The per-sample loss ℓ(f_θ(x), y) (a scalar). */
    record LossValue() implements Expr {
    }

    /** The parameters of {@code group} as a vector (θ, one layer's, one neuron's). */
    record Params(ParameterGroup group) implements Expr {
        public Params {
            Objects.requireNonNull(group, "group");
        }
    }

    /** The number L of hidden layers (L+1 weight matrices). */
    record Depth() implements Expr {
    }

    /** A scalar constant. */
    record Const(double value) implements Expr {
    }

    /** The n×n identity matrix; {@code n = 0} means "the size of the matrix it is combined with". */
    record IdentityMatrix(int n) implements Expr {
    }

    // ---- layers (statements over every layer t = 0, …, L) ---------------------------------------------

    /**
     * A value of layer {@code t}, the layer index bound by the innermost enclosing {@link LayerSum}. With
     * O⁰ = x and O^{t+1} = σ_t(z^t), z^t = W^t O^t + b^t (seed 000's notation), layer t reads O^t and
     * produces O^{t+1}.
     */
    enum LayerQuantity {
        /** W^t, the weight matrix (out × in). */
        WEIGHTS,
        /** b^t, the bias vector (only for a layer that has one). */
        BIAS,
        /** O^t, the layer's input (O⁰ = x). */
        INPUT,
        /** z^t = W^t O^t + b^t, the pre-activation. */
        PRE_ACTIVATION,
        /** O^{t+1} = σ_t(z^t), the layer's output. */
        OUTPUT
    }

    /** Σ_{t=0}^{L} body: the body evaluated with the layer index t bound to each of the L+1 layers, summed. */
    record LayerSum(Expr body) implements Expr {
        public LayerSum {
            Objects.requireNonNull(body, "body");
        }
    }

    /** A value of the layer bound by the innermost enclosing {@link LayerSum} (see {@link LayerQuantity}). */
    record LayerValue(LayerQuantity quantity) implements Expr {
        public LayerValue {
            Objects.requireNonNull(quantity, "quantity");
        }
    }

    // ---- derivatives -----------------------------------------------------------------------------

    /** With respect to what a derivative is taken. */
    sealed interface Wrt {
    }

    /** With respect to the parameters of a group. */
    record WrtParams(ParameterGroup group) implements Wrt {
        public WrtParams {
            Objects.requireNonNull(group, "group");
        }
    }

    /** With respect to the input x. */
    record WrtInput() implements Wrt {
    }

    /** With respect to the network output f (e.g. ∂ℓ/∂f). */
    record WrtOutput() implements Wrt {
    }

    /**
     * With respect to a value of the layer bound by the innermost enclosing {@link LayerSum}, taken as an
     * independent variable (∂f/∂z^t holds everything z^t does not feed fixed); the entries of W^t count
     * row-major, as in θ's layout.
     */
    record WrtLayer(LayerQuantity quantity) implements Wrt {
        public WrtLayer {
            Objects.requireNonNull(quantity, "quantity");
        }
    }

    /** ∇ of a scalar expression: a vector. */
    record Grad(Expr of, Wrt wrt) implements Expr {
        public Grad {
            Objects.requireNonNull(of, "of");
            Objects.requireNonNull(wrt, "wrt");
        }
    }

    /** ∇² of a scalar expression: a square matrix. */
    record Hessian(Expr of, Wrt wrt) implements Expr {
        public Hessian {
            Objects.requireNonNull(of, "of");
            Objects.requireNonNull(wrt, "wrt");
        }
    }

    /** The Jacobian of a vector expression: rows are components, columns variables. */
    record Jacobian(Expr of, Wrt wrt) implements Expr {
        public Jacobian {
            Objects.requireNonNull(of, "of");
            Objects.requireNonNull(wrt, "wrt");
        }
    }

    // ---- linear algebra ----------------------------------------------------------------------------

    /** ⟨a, b⟩ of two vectors. */
    record Dot(Expr a, Expr b) implements Expr {
    }

    /** a ⊗ b = a bᵀ of two vectors. */
    record Outer(Expr a, Expr b) implements Expr {
    }

    /** Matrix product (matrix·matrix or matrix·vector). */
    record MatMul(Expr a, Expr b) implements Expr {
    }

    /** Transpose of a matrix. */
    record Transpose(Expr a) implements Expr {
    }

    /** Trace of a square matrix. */
    record Trace(Expr a) implements Expr {
    }

    /** Component {@code index} of a vector. */
    record Component(Expr of, int index) implements Expr {
    }

    /** Sum of a vector's components. */
    record SumOf(Expr of) implements Expr {
    }

    // ---- arithmetic (elementwise, with scalar broadcasting) ---------------------------------------

    record Add(Expr a, Expr b) implements Expr {
    }

    record Sub(Expr a, Expr b) implements Expr {
    }

    record Mul(Expr a, Expr b) implements Expr {
    }

    record Div(Expr a, Expr b) implements Expr {
    }

    record Neg(Expr a) implements Expr {
    }

    /** a^n elementwise, n an integer. */
    record Pow(Expr a, int n) implements Expr {
    }

    /** An elementary function applied elementwise. */
    record Apply(Fn fn, Expr a) implements Expr {
    }

    /** The Heaviside step 1[a &gt; 0], elementwise (0 at a = 0). */
    record Step(Expr a) implements Expr {
    }

    // ---- probability ---------------------------------------------------------------------------------

    /** Over what an expectation averages. */
    sealed interface Over {
    }

    /** The data set of the evaluation context, uniformly (the empirical measure). */
    record OverData() implements Over {
    }

    /** x drawn from an input distribution (y unused or drawn from the model). */
    record OverInputs(InputDistribution distribution) implements Over {
        public OverInputs {
            Objects.requireNonNull(distribution, "distribution");
        }
    }

    /** y drawn from the model's own output distribution p(y | f_θ(x)) (the loss's statistical model). */
    record OverModel() implements Over {
    }

    /** 𝔼 over {@code over} of {@code body}. */
    record Expectation(Over over, Expr body) implements Expr {
        public Expectation {
            Objects.requireNonNull(over, "over");
            Objects.requireNonNull(body, "body");
        }
    }

    // ---- tensor notation of the relative Fisher information (seed 003) ------------------------------

    /**
     * The augmented input x̃ = (x, 1) (homogeneous coordinates, seed 003 §3.1: for a neuron's weights w
     * with its bias last, ⟨w, x̃⟩ = wᵀx + b).
     */
    record AugmentedInput() implements Expr {
    }

    /**
     * The pre-activation z^{(t)} = W^t h^{(t−1)} + b^t of layer {@code layer} (a vector of the layer's
     * width; h^{(−1)} = x). Component i is ⟨w_i, h̃⟩ for neuron i's weights and bias w_i.
     */
    record PreActivation(int layer) implements Expr {
        public PreActivation {
            if (layer < 0) {
                throw SpecificationException.expected(ErrorCode.OUT_OF_RANGE, "PreActivation layer",
                        "a layer index >= 0", layer);
            }
        }
    }

    /**
     * The block-diagonal matrix diag(B₁, …, B_k) of {@code blocks}: a matrix is its own block, a scalar a
     * 1×1 block, and a vector contributes each component as a 1×1 block, so that a single vector v gives
     * the diagonal matrix diag(v).
     */
    record Diag(List<Expr> blocks) implements Expr {
        public Diag {
            blocks = List.copyOf(Objects.requireNonNull(blocks, "blocks"));
            if (blocks.isEmpty()) {
                throw new SpecificationException(ErrorCode.EMPTY, "Diag blocks",
                        "Diag blocks: expected at least one block, got none");
            }
        }
    }

    /**
     * The Kronecker product a ⊗ b: entry ((i, k), (j, l)) = a_{ij} b_{kl}, row index i·rows(b) + k, column
     * index j·cols(b) + l. A vector counts as a column and a scalar as 1×1, so the product of two vectors
     * is the vector (a_i b)_i and (a ⊗ b)(c ⊗ d)ᵀ = (a cᵀ) ⊗ (b dᵀ).
     */
    record Kron(Expr a, Expr b) implements Expr {
        public Kron {
            Objects.requireNonNull(a, "a");
            Objects.requireNonNull(b, "b");
        }
    }

    /**
     * A scalar {@link Term} applied elementwise: each variable named in {@code arguments} takes the value
     * of its expression (scalars broadcast against the one common non-scalar shape, which is the result's
     * shape even where the term does not use that argument), each name in
     * {@code constants} its number (hyperparameters such as ι or s, printed as symbols). This is how a
     * closed form derived symbolically, e.g. a neuron's Fisher coefficient ν_f(t) at t = ⟨w, x̃⟩, enters a
     * tensor expression. Every variable of the term must be bound by one of the two maps.
     */
    record ScalarTerm(Term term, Map<String, Expr> arguments, Map<String, Double> constants) implements Expr {
        public ScalarTerm {
            Objects.requireNonNull(term, "term");
            arguments = Map.copyOf(Objects.requireNonNull(arguments, "arguments"));
            constants = Map.copyOf(Objects.requireNonNull(constants, "constants"));
            for (String name : arguments.keySet()) {
                if (constants.containsKey(name)) {
                    throw new SpecificationException(ErrorCode.UNSUPPORTED, "ScalarTerm " + name,
                            "ScalarTerm: the symbol '" + name + "' is bound both to an expression and to a number");
                }
            }
        }
    }

    /**
     * The Fisher information of the model's output distribution at the current x with respect to a
     * parameter group: 𝔼_{y∼p(y|x,θ)}[∇ ln p ∇ ln pᵀ]. For a layer or neuron group with the rest of the
     * network held fixed this is the relative Fisher information (seed 003, eq. 2).
     */
    record FisherInformation(ParameterGroup group) implements Expr {
        public FisherInformation {
            Objects.requireNonNull(group, "group");
        }
    }
}
