package org.neuromanifold.numeric.verify;

import java.util.List;

import org.neuromanifold.core.expr.Expr;
import org.neuromanifold.core.expr.Identity;

/**
 * What an identity reads, found by walking both sides: whether it needs an input x and a target y of
 * its own (free, i.e. not bound by an expectation), a data set, a loss, and whether the rows of the data
 * set need their targets. The verifier draws only what an identity reads, and a counterexample shows
 * only that.
 *
 * @param input       x is free in one side
 * @param target      y is free in one side
 * @param data        some side averages over the data set
 * @param dataTargets the body of an average over data reads the rows' targets
 * @param loss        some side evaluates the loss ℓ or its derivatives
 * @param step        some side contains a Heaviside step (a kink the shrinker keeps away from)
 * @param model       some side integrates over the model's output distribution (needs the loss's statistical model)
 */
record IdentityScan(boolean input, boolean target, boolean data, boolean dataTargets, boolean loss, boolean step,
        boolean model) {
    private static final int X = 1;
    private static final int Y = 2;

    /** Scans both sides of {@code identity}. */
    static IdentityScan of(Identity identity) {
        Walk w = new Walk();
        int free = w.free(identity.lhs()) | w.free(identity.rhs());
        return new IdentityScan((free & X) != 0, (free & Y) != 0, w.data, w.dataTargets, w.loss, w.step, w.model);
    }

    /** Collects the flags while computing the free sample variables of each node. */
    private static final class Walk {
        boolean data;
        boolean dataTargets;
        boolean loss;
        boolean step;
        boolean model;

        int free(Expr e) {
            return switch (e) {
                case Expr.Output o -> X;
                case Expr.Input i -> X;
                case Expr.Target t -> Y;
                case Expr.LossValue l -> {
                    loss = true;
                    yield X | Y;
                }
                case Expr.FisherInformation f -> {
                    loss = true;
                    model = true;
                    yield X;
                }
                case Expr.Params p -> 0;
                case Expr.Depth d -> 0;
                case Expr.Const c -> 0;
                case Expr.IdentityMatrix m -> 0;
                case Expr.LayerValue v -> dependsOnSample(v.quantity()) ? X : 0;
                case Expr.LayerSum ls -> free(ls.body());
                case Expr.AugmentedInput a -> X;
                case Expr.PreActivation z -> X;
                case Expr.Grad g -> free(g.of()) | wrt(g.wrt());
                case Expr.Hessian h -> free(h.of()) | wrt(h.wrt());
                case Expr.Jacobian j -> free(j.of()) | wrt(j.wrt());
                case Expr.Step s -> {
                    step = true;
                    yield free(s.a());
                }
                case Expr.Expectation ex -> {
                    int body = free(ex.body());
                    yield switch (ex.over()) {
                        case Expr.OverData d -> {
                            data = true;
                            dataTargets |= (body & Y) != 0;
                            yield 0;
                        }
                        case Expr.OverInputs in -> body & ~X;
                        case Expr.OverModel m -> {
                            loss = true;
                            model = true;
                            yield (body & ~Y) | X;
                        }
                    };
                }
                default -> {
                    int bits = 0;
                    for (Expr c : children(e)) {
                        bits |= free(c);
                    }
                    yield bits;
                }
            };
        }

        private int wrt(Expr.Wrt wrt) {
            if (wrt instanceof Expr.WrtOutput) {
                // ∂/∂f is taken at the node the loss reads
                return X;
            }
            if (wrt instanceof Expr.WrtLayer l) {
                return dependsOnSample(l.quantity()) ? X : 0;
            }
            return wrt instanceof Expr.WrtParams ? 0 : X;
        }

        /** A layer's input, pre-activation and output depend on the sample; its weights and bias do not. */
        private static boolean dependsOnSample(Expr.LayerQuantity q) {
            return q != Expr.LayerQuantity.WEIGHTS && q != Expr.LayerQuantity.BIAS;
        }
    }

    /** The direct sub-expressions of the composite nodes (leaves and the nodes handled above have none here). */
    private static List<Expr> children(Expr e) {
        return switch (e) {
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
            case Expr.Diag d -> d.blocks();
            case Expr.Kron k -> List.of(k.a(), k.b());
            case Expr.ScalarTerm st -> List.copyOf(st.arguments().values());
            default -> List.of();
        };
    }
}
