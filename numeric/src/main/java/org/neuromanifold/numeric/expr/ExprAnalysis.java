package org.neuromanifold.numeric.expr;

import java.util.List;

import org.neuromanifold.core.expr.Expr;
import org.neuromanifold.core.loss.Loss;
import org.neuromanifold.core.loss.SquareLoss;

/**
 * Static facts about an expression that the evaluator uses to choose exact methods: which sample
 * variables (x, y) it depends on, its polynomial degree in the target y, and whether it integrates
 * over the model's output distribution.
 */
final class ExprAnalysis {
    /** Stands for "not a polynomial in y". */
    static final int NOT_POLYNOMIAL = Integer.MAX_VALUE;

    private static final int X = 1;
    private static final int Y = 2;

    private ExprAnalysis() {
    }

    /** Whether the value depends on the input x of the scope it is evaluated in. */
    static boolean usesInput(Expr e) {
        return (free(e) & X) != 0;
    }

    /** Whether the value depends on the target y of the scope it is evaluated in. */
    static boolean usesTarget(Expr e) {
        return (free(e) & Y) != 0;
    }

    /** The free sample variables as bits X, Y. */
    private static int free(Expr e) {
        return switch (e) {
            case Expr.Output o -> X;
            case Expr.Input i -> X;
            case Expr.AugmentedInput i -> X;
            case Expr.PreActivation z -> X;
            case Expr.Target t -> Y;
            case Expr.LossValue l -> X | Y;
            case Expr.FisherInformation f -> X;
            case Expr.Params p -> 0;
            case Expr.Depth d -> 0;
            case Expr.Const c -> 0;
            case Expr.IdentityMatrix m -> 0;
            case Expr.LayerValue v -> v.quantity() == Expr.LayerQuantity.WEIGHTS
                    || v.quantity() == Expr.LayerQuantity.BIAS ? 0 : X;
            case Expr.Grad g -> free(g.of()) | wrtFree(g.wrt());
            case Expr.Hessian h -> free(h.of()) | wrtFree(h.wrt());
            case Expr.Jacobian j -> free(j.of()) | wrtFree(j.wrt());
            case Expr.Expectation ex -> switch (ex.over()) {
                case Expr.OverData d -> 0;
                case Expr.OverInputs in -> free(ex.body()) & ~X;
                case Expr.OverModel m -> (free(ex.body()) & ~Y) | X;
            };
            default -> {
                int bits = 0;
                for (Expr c : children(e)) {
                    bits |= free(c);
                }
                yield bits;
            }
        };
    }

    private static int wrtFree(Expr.Wrt wrt) {
        return wrt instanceof Expr.WrtParams || wrt instanceof Expr.WrtLayer l
                && (l.quantity() == Expr.LayerQuantity.WEIGHTS || l.quantity() == Expr.LayerQuantity.BIAS) ? 0 : X;
    }

    /**
     * The degree of {@code e} as a polynomial in the target y (other variables fixed), or
     * {@link #NOT_POLYNOMIAL}. Differentiating with respect to θ, x or f keeps a polynomial in y one of
     * no higher degree; an expectation that binds y has degree 0 in the outer y.
     */
    static int targetDegree(Expr e, Loss loss) {
        return switch (e) {
            case Expr.Target t -> 1;
            case Expr.LossValue l -> loss instanceof SquareLoss ? 2 : NOT_POLYNOMIAL;
            case Expr.Output o -> 0;
            case Expr.Input i -> 0;
            case Expr.Params p -> 0;
            case Expr.Depth d -> 0;
            case Expr.Const c -> 0;
            case Expr.IdentityMatrix m -> 0;
            case Expr.FisherInformation f -> 0;
            case Expr.LayerValue v -> 0;
            case Expr.LayerSum ls -> targetDegree(ls.body(), loss);
            case Expr.AugmentedInput i -> 0;
            case Expr.PreActivation z -> 0;
            case Expr.Diag d -> d.blocks().stream().mapToInt(b -> targetDegree(b, loss)).max().orElse(0);
            case Expr.Kron k -> plus(targetDegree(k.a(), loss), targetDegree(k.b(), loss));
            case Expr.ScalarTerm st -> st.arguments().values().stream().allMatch(a -> targetDegree(a, loss) == 0) ? 0
                    : NOT_POLYNOMIAL;
            case Expr.Grad g -> targetDegree(g.of(), loss);
            case Expr.Hessian h -> targetDegree(h.of(), loss);
            case Expr.Jacobian j -> targetDegree(j.of(), loss);
            case Expr.Expectation ex -> ex.over() instanceof Expr.OverInputs ? targetDegree(ex.body(), loss) : 0;
            case Expr.Add a -> Math.max(targetDegree(a.a(), loss), targetDegree(a.b(), loss));
            case Expr.Sub s -> Math.max(targetDegree(s.a(), loss), targetDegree(s.b(), loss));
            case Expr.Mul m -> plus(targetDegree(m.a(), loss), targetDegree(m.b(), loss));
            case Expr.Dot d -> plus(targetDegree(d.a(), loss), targetDegree(d.b(), loss));
            case Expr.Outer o -> plus(targetDegree(o.a(), loss), targetDegree(o.b(), loss));
            case Expr.MatMul m -> plus(targetDegree(m.a(), loss), targetDegree(m.b(), loss));
            case Expr.Div d -> targetDegree(d.b(), loss) == 0 ? targetDegree(d.a(), loss) : NOT_POLYNOMIAL;
            case Expr.Pow p -> {
                int d = targetDegree(p.a(), loss);
                if (d == 0) {
                    yield 0;
                }
                yield p.n() < 0 || d == NOT_POLYNOMIAL ? NOT_POLYNOMIAL : times(d, p.n());
            }
            case Expr.Apply a -> targetDegree(a.a(), loss) == 0 ? 0 : NOT_POLYNOMIAL;
            case Expr.Step s -> targetDegree(s.a(), loss) == 0 ? 0 : NOT_POLYNOMIAL;
            case Expr.Neg n -> targetDegree(n.a(), loss);
            case Expr.Transpose t -> targetDegree(t.a(), loss);
            case Expr.Trace t -> targetDegree(t.a(), loss);
            case Expr.Component c -> targetDegree(c.of(), loss);
            case Expr.SumOf s -> targetDegree(s.of(), loss);
        };
    }

    /** Whether {@code e} contains an expectation over the model's output or a Fisher information. */
    static boolean integratesOverModel(Expr e) {
        return switch (e) {
            case Expr.Expectation ex -> ex.over() instanceof Expr.OverModel || integratesOverModel(ex.body());
            case Expr.FisherInformation f -> true;
            default -> {
                for (Expr c : children(e)) {
                    if (integratesOverModel(c)) {
                        yield true;
                    }
                }
                yield false;
            }
        };
    }

    /** The direct sub-expressions. */
    static List<Expr> children(Expr e) {
        return switch (e) {
            case Expr.Output o -> List.of();
            case Expr.Input i -> List.of();
            case Expr.Target t -> List.of();
            case Expr.LossValue l -> List.of();
            case Expr.Params p -> List.of();
            case Expr.Depth d -> List.of();
            case Expr.Const c -> List.of();
            case Expr.IdentityMatrix m -> List.of();
            case Expr.FisherInformation f -> List.of();
            case Expr.AugmentedInput i -> List.of();
            case Expr.PreActivation z -> List.of();
            case Expr.Diag d -> d.blocks();
            case Expr.Kron k -> List.of(k.a(), k.b());
            case Expr.ScalarTerm st -> new java.util.TreeMap<>(st.arguments()).values().stream().toList();
            case Expr.Grad g -> List.of(g.of());
            case Expr.Hessian h -> List.of(h.of());
            case Expr.Jacobian j -> List.of(j.of());
            case Expr.Dot d -> List.of(d.a(), d.b());
            case Expr.Outer o -> List.of(o.a(), o.b());
            case Expr.MatMul m -> List.of(m.a(), m.b());
            case Expr.Transpose t -> List.of(t.a());
            case Expr.Trace t -> List.of(t.a());
            case Expr.Component c -> List.of(c.of());
            case Expr.SumOf s -> List.of(s.of());
            case Expr.Add a -> List.of(a.a(), a.b());
            case Expr.Sub s -> List.of(s.a(), s.b());
            case Expr.Mul m -> List.of(m.a(), m.b());
            case Expr.Div d -> List.of(d.a(), d.b());
            case Expr.Neg n -> List.of(n.a());
            case Expr.Pow p -> List.of(p.a());
            case Expr.Apply a -> List.of(a.a());
            case Expr.Step s -> List.of(s.a());
            case Expr.Expectation ex -> List.of(ex.body());
            case Expr.LayerSum ls -> List.of(ls.body());
            case Expr.LayerValue v -> List.of();
        };
    }

    private static int plus(int a, int b) {
        return a == NOT_POLYNOMIAL || b == NOT_POLYNOMIAL ? NOT_POLYNOMIAL : a + b;
    }

    private static int times(int d, int n) {
        long r = (long) d * n;
        return r >= NOT_POLYNOMIAL ? NOT_POLYNOMIAL : (int) r;
    }
}
