package org.neuromanifold.symbolic.latex;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.neuromanifold.core.data.InputDistribution;
import org.neuromanifold.core.expr.Expr;
import org.neuromanifold.core.model.ParameterGroup;
import org.neuromanifold.core.scalar.Fn;

/**
 * Tensor-level {@link Expr} → LaTeX (math mode), built like SymPy's printer: one method per node type,
 * one precedence table ({@link #precedence}), parentheses decided in one place ({@link #wrap}).
 *
 * <p>Notation (seed conventions): f_θ(x) for the output, ℓ for the per-sample loss ℓ(f_θ(x), y), θ for
 * all parameters, θ^{(t)} for layer t's, w^{(t)}_i for neuron i of layer t; ∇_θ, ∇²_θ, ∂ℓ/∂f,
 * Jacobians ∂f/∂θ; ⟨a, b⟩; {@code a ⊗ b}, written {@code a b^⊤} when both are vectors of the IR (x, y,
 * f, θ); 𝔼 with the measure as subscript; tr, 1[· &gt; 0] for the step function, I for the identity
 * matrix, L for the depth (so Depth + 1 prints {@code L + 1}, parenthesised in products). A Jacobian
 * times the parameter group it differentiates by is printed as the directional derivative
 * ⟨∇_θ f_θ(x), θ⟩ (per output component).
 *
 * <p>Sums over layers print as Σ_{t=0}^{L}, the values of layer t in seed 000's notation (W^t, b^t, O^t,
 * z^t, O^{t+1}).
 *
 * <p>Relative Fisher information notation (seed 003): x̃ for the augmented input (x, 1), z^{(t)} for a
 * layer's pre-activation, diag(B₁, …, B_k) for block-diagonal matrices, ⊗ for the Kronecker product
 * (so the layer RFIM prints as diag(ν_f(z^{(0)})) ⊗ x̃x̃^⊤), and a scalar term bound to expressions
 * printed as the term with each bound variable replaced by its expression (braced, or parenthesised
 * when it binds less strongly than an atom).
 */
public final class ExprLatex {
    static final int SUM = 10;
    static final int TENSOR = 20;
    static final int PRODUCT = 30;
    static final int UNARY = 40;
    static final int PREFIX = 45;
    static final int POWER = 50;
    static final int ATOM = 100;

    private ExprLatex() {
    }

    /** {@code e} as LaTeX (math mode). */
    public static String print(Expr e) {
        return render(e);
    }

    static String render(Expr e) {
        return switch (e) {
            case Expr.Output o -> "f_{\\theta}(x)";
            case Expr.Input i -> "x";
            case Expr.Target t -> "y";
            case Expr.LossValue l -> "\\ell";
            case Expr.Params p -> group(p.group());
            case Expr.Depth d -> "L";
            case Expr.Const c -> LatexText.number(c.value());
            case Expr.IdentityMatrix m -> m.n() == 0 ? "I" : "I_{" + m.n() + "}";
            case Expr.Grad g -> grad(g);
            case Expr.Hessian h -> "\\nabla^{2}_{" + wrt(h.wrt()) + "} " + wrap(h.of(), ATOM);
            case Expr.Jacobian j -> "\\frac{\\partial " + render(j.of()) + "}{\\partial " + wrt(j.wrt()) + "}";
            case Expr.Dot d -> angle(render(d.a()), render(d.b()));
            case Expr.Outer o -> outer(o);
            case Expr.MatMul m -> matmul(m);
            case Expr.Transpose t -> wrap(t.a(), POWER + 1) + "^{\\top}";
            case Expr.Trace t -> "\\operatorname{tr}\\left(" + render(t.a()) + "\\right)";
            case Expr.Component c -> "\\left[" + render(c.of()) + "\\right]_{" + c.index() + "}";
            case Expr.SumOf s -> "\\sum_{i} \\left[" + render(s.of()) + "\\right]_{i}";
            case Expr.Add a -> add(a);
            case Expr.Sub s -> wrap(s.a(), SUM) + " - " + wrap(s.b(), SUM + 1);
            case Expr.Mul m -> juxtapose(wrap(m.a(), PRODUCT), rightFactor(m.b()));
            case Expr.Div d -> "\\frac{" + render(d.a()) + "}{" + render(d.b()) + "}";
            case Expr.Neg n -> "-" + wrap(n.a(), PRODUCT);
            case Expr.Pow p -> wrap(p.a(), POWER + 1) + "^{" + p.n() + "}";
            case Expr.Apply a -> apply(a.fn(), a.a());
            case Expr.Step s -> "\\mathbf{1}\\left[" + render(s.a()) + " > 0\\right]";
            case Expr.Expectation x -> "\\mathbb{E}_{" + over(x.over()) + "}\\left[" + render(x.body()) + "\\right]";
            case Expr.FisherInformation f -> "\\mathcal{I}\\left(" + group(f.group()) + "\\right)";
            case Expr.LayerSum ls -> "\\sum_{t=0}^{L} " + wrap(ls.body(), PRODUCT);
            case Expr.LayerValue v -> layerValue(v.quantity());
            case Expr.AugmentedInput i -> "\\tilde{x}";
            case Expr.PreActivation z -> "z^{(" + z.layer() + ")}";
            case Expr.Diag d -> "\\operatorname{diag}\\left(" + d.blocks().stream().map(ExprLatex::render)
                    .collect(Collectors.joining(", ")) + "\\right)";
            case Expr.Kron k -> wrap(k.a(), TENSOR + 1) + " \\otimes " + wrap(k.b(), TENSOR + 1);
            case Expr.ScalarTerm st -> scalarTerm(st);
        };
    }

    /** Binding strength of the node at the top of {@code e}. */
    static int precedence(Expr e) {
        return switch (e) {
            case Expr.Add a -> SUM;
            case Expr.Sub s -> SUM;
            case Expr.Outer o -> vectorAtom(o.a()) && vectorAtom(o.b()) ? PRODUCT : TENSOR;
            case Expr.Kron k -> TENSOR;
            case Expr.ScalarTerm st -> termPrecedence(st.term());
            case Expr.MatMul m -> directional(m) ? ATOM : PRODUCT;
            case Expr.Mul m -> PRODUCT;
            case Expr.SumOf s -> PRODUCT;
            case Expr.LayerSum s -> SUM;
            case Expr.Neg n -> UNARY;
            case Expr.Const c -> c.value() < 0 ? UNARY : ATOM;
            case Expr.Grad g -> g.of() instanceof Expr.LossValue && g.wrt() instanceof Expr.WrtOutput ? ATOM : PREFIX;
            case Expr.Hessian h -> PREFIX;
            case Expr.Pow p -> POWER;
            case Expr.Transpose t -> POWER;
            case Expr.Apply a -> a.fn() == Fn.EXP ? POWER : ATOM;
            default -> ATOM;
        };
    }

    /** A term's binding strength on this printer's scale. */
    private static int termPrecedence(org.neuromanifold.core.scalar.Term term) {
        return switch (TermLatexPrinter.precedence(term)) {
            case TermLatexPrinter.SUM -> SUM;
            case TermLatexPrinter.PRODUCT -> PRODUCT;
            case TermLatexPrinter.UNARY -> UNARY;
            case TermLatexPrinter.POWER -> POWER;
            default -> ATOM;
        };
    }

    /** Parentheses when {@code e} binds less strongly than {@code context} requires. */
    static String wrap(Expr e, int context) {
        String s = render(e);
        return precedence(e) < context ? "\\left(" + s + "\\right)" : s;
    }

    private static String juxtapose(String left, String right) {
        return left + (Character.isDigit(right.charAt(0)) ? " \\cdot " : " ") + right;
    }

    private static String angle(String a, String b) {
        return "\\left\\langle " + a + ", " + b + " \\right\\rangle";
    }

    private static String group(ParameterGroup g) {
        return switch (g) {
            case ParameterGroup.All a -> "\\theta";
            case ParameterGroup.Layer l -> "\\theta^{(" + l.layer() + ")}";
            case ParameterGroup.Neuron n -> "w^{(" + n.layer() + ")}_{" + n.index() + "}";
        };
    }

    private static String wrt(Expr.Wrt wrt) {
        return switch (wrt) {
            case Expr.WrtParams p -> group(p.group());
            case Expr.WrtInput i -> "x";
            case Expr.WrtOutput o -> "f";
            case Expr.WrtLayer l -> layerValue(l.quantity());
        };
    }

    /** Seed 000's names for the values of layer t: W^t, b^t, its input O^t, z^t = W^t O^t + b^t, O^{t+1}. */
    private static String layerValue(Expr.LayerQuantity q) {
        return switch (q) {
            case WEIGHTS -> "W^{t}";
            case BIAS -> "b^{t}";
            case INPUT -> "O^{t}";
            case PRE_ACTIVATION -> "z^{t}";
            case OUTPUT -> "O^{t+1}";
        };
    }

    private static String grad(Expr.Grad g) {
        if (g.of() instanceof Expr.LossValue && g.wrt() instanceof Expr.WrtOutput) {
            return "\\frac{\\partial \\ell}{\\partial f}";
        }
        return "\\nabla_{" + wrt(g.wrt()) + "} " + wrap(g.of(), ATOM);
    }

    /**
     * The right operand of a product, parenthesised when it binds no more strongly than a product,
     * except an outer product of two named vectors: c x xᵀ reads the same either way (associativity).
     */
    private static String rightFactor(Expr b) {
        if (b instanceof Expr.Outer o && vectorAtom(o.a()) && vectorAtom(o.b())) {
            return render(b);
        }
        return wrap(b, PRODUCT + 1);
    }

    /** Vectors the IR names directly: x, x̃, y, f_θ(x), θ (and its groups). */
    private static boolean vectorAtom(Expr e) {
        return e instanceof Expr.Input || e instanceof Expr.AugmentedInput || e instanceof Expr.Target
                || e instanceof Expr.Output || e instanceof Expr.Params;
    }

    /**
     * The term with each variable bound to an expression replaced by that expression's LaTeX (in braces
     * when it is an atom, so a power such as {@code {z^{(0)}}^{2}} stays valid; parenthesised otherwise),
     * and every other symbol typeset by {@link LatexSymbols}.
     */
    private static String scalarTerm(Expr.ScalarTerm st) {
        return TermLatexPrinter.print(st.term(), name -> {
            Expr bound = st.arguments().get(name);
            if (bound == null) {
                return LatexSymbols.of(name);
            }
            return precedence(bound) >= ATOM ? "{" + render(bound) + "}" : "\\left(" + render(bound) + "\\right)";
        });
    }

    private static String outer(Expr.Outer o) {
        if (vectorAtom(o.a()) && vectorAtom(o.b())) {
            return render(o.a()) + " " + render(o.b()) + "^{\\top}";
        }
        return wrap(o.a(), TENSOR + 1) + " \\otimes " + wrap(o.b(), TENSOR + 1);
    }

    /** A Jacobian applied to the variables it differentiates by: the directional derivative. */
    private static boolean directional(Expr.MatMul m) {
        if (!(m.a() instanceof Expr.Jacobian j)) {
            return false;
        }
        return switch (j.wrt()) {
            case Expr.WrtParams p -> m.b() instanceof Expr.Params q && q.group().equals(p.group());
            case Expr.WrtInput i -> m.b() instanceof Expr.Input;
            case Expr.WrtOutput o -> m.b() instanceof Expr.Output;
            case Expr.WrtLayer l -> m.b() instanceof Expr.LayerValue v && v.quantity() == l.quantity();
        };
    }

    private static String matmul(Expr.MatMul m) {
        if (directional(m)) {
            Expr.Jacobian j = (Expr.Jacobian) m.a();
            return angle("\\nabla_{" + wrt(j.wrt()) + "} " + wrap(j.of(), ATOM), render(m.b()));
        }
        return juxtapose(wrap(m.a(), PRODUCT), wrap(m.b(), PRODUCT + 1));
    }

    private static String add(Expr.Add a) {
        if (a.b() instanceof Expr.Neg n) {
            return wrap(a.a(), SUM) + " - " + wrap(n.a(), SUM + 1);
        }
        if (a.b() instanceof Expr.Const c && c.value() < 0) {
            return wrap(a.a(), SUM) + " - " + LatexText.number(-c.value());
        }
        return wrap(a.a(), SUM) + " + " + wrap(a.b(), SUM + 1);
    }

    private static String apply(Fn fn, Expr a) {
        return switch (fn) {
            case EXP -> "e^{" + render(a) + "}";
            case SQRT -> "\\sqrt{" + render(a) + "}";
            case ABS -> "\\left|" + render(a) + "\\right|";
            default -> TermLatexPrinter.functionName(fn) + "\\left(" + render(a) + "\\right)";
        };
    }

    private static String over(Expr.Over over) {
        return switch (over) {
            case Expr.OverData d -> "(x,y) \\sim \\hat{\\mathcal{D}}";
            case Expr.OverModel m -> "y \\sim p_{\\theta}(\\cdot \\mid x)";
            case Expr.OverInputs i -> "x \\sim " + distribution(i.distribution());
        };
    }

    private static String distribution(InputDistribution d) {
        return switch (d) {
            case InputDistribution.Gaussian g -> "\\mathcal{N}\\left("
                    + (Arrays.stream(g.mean()).allMatch(m -> m == 0) ? "0" : "\\mu") + ", "
                    + (g.sigma() == 1 ? "I" : LatexText.number(g.sigma()) + "^{2} I") + "\\right)";
            case InputDistribution.Empirical e -> "\\hat{\\mathcal{D}}";
            case InputDistribution.Uniform u -> "\\mathcal{U}\\left[" + LatexText.number(u.lo()) + ", "
                    + LatexText.number(u.hi()) + "\\right]^{" + u.dim() + "}";
        };
    }
}
