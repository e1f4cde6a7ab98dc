package org.neuromanifold.core.expr;

import java.util.List;
import java.util.Map;

import org.neuromanifold.core.model.ParameterGroup;
import org.neuromanifold.core.scalar.Term;

/** Static factories that make identity statements read like the mathematics (for Java callers). */
public final class Exprs {
    private Exprs() {
    }

    public static Expr output() {
        return new Expr.Output();
    }

    public static Expr component(Expr e, int i) {
        return new Expr.Component(e, i);
    }

    public static Expr input() {
        return new Expr.Input();
    }

    public static Expr target() {
        return new Expr.Target();
    }

    public static Expr loss() {
        return new Expr.LossValue();
    }

    public static Expr theta() {
        return new Expr.Params(ParameterGroup.ALL);
    }

    public static Expr params(ParameterGroup group) {
        return new Expr.Params(group);
    }

    public static Expr depth() {
        return new Expr.Depth();
    }

    public static Expr constant(double v) {
        return new Expr.Const(v);
    }

    /** ∇_θ of a scalar. */
    public static Expr gradTheta(Expr scalar) {
        return new Expr.Grad(scalar, new Expr.WrtParams(ParameterGroup.ALL));
    }

    /** ∇ of a scalar with respect to a parameter group. */
    public static Expr grad(Expr scalar, ParameterGroup group) {
        return new Expr.Grad(scalar, new Expr.WrtParams(group));
    }

    /** ∂/∂f of a scalar (e.g. the loss). */
    public static Expr gradOutput(Expr scalar) {
        return new Expr.Grad(scalar, new Expr.WrtOutput());
    }

    /** ∇_x of a scalar. */
    public static Expr gradInput(Expr scalar) {
        return new Expr.Grad(scalar, new Expr.WrtInput());
    }

    public static Expr hessianTheta(Expr scalar) {
        return new Expr.Hessian(scalar, new Expr.WrtParams(ParameterGroup.ALL));
    }

    public static Expr dot(Expr a, Expr b) {
        return new Expr.Dot(a, b);
    }

    public static Expr outer(Expr a, Expr b) {
        return new Expr.Outer(a, b);
    }

    public static Expr plus(Expr a, Expr b) {
        return new Expr.Add(a, b);
    }

    public static Expr minus(Expr a, Expr b) {
        return new Expr.Sub(a, b);
    }

    public static Expr times(Expr a, Expr b) {
        return new Expr.Mul(a, b);
    }

    public static Expr div(Expr a, Expr b) {
        return new Expr.Div(a, b);
    }

    public static Expr pow(Expr a, int n) {
        return new Expr.Pow(a, n);
    }

    /** 1[a &gt; 0] elementwise. */
    public static Expr step(Expr a) {
        return new Expr.Step(a);
    }

    public static Expr neg(Expr a) {
        return new Expr.Neg(a);
    }

    /** J·v for a Jacobian (matrix) and a vector. */
    public static Expr matmul(Expr a, Expr b) {
        return new Expr.MatMul(a, b);
    }

    /** The Jacobian of a vector expression with respect to θ. */
    public static Expr jacobianTheta(Expr vector) {
        return new Expr.Jacobian(vector, new Expr.WrtParams(ParameterGroup.ALL));
    }

    /** Σ_{t=0}^{L} body, with the layer index t bound in {@code body}. */
    public static Expr layerSum(Expr body) {
        return new Expr.LayerSum(body);
    }

    /** A value of layer t (inside {@link #layerSum}). */
    public static Expr layer(Expr.LayerQuantity quantity) {
        return new Expr.LayerValue(quantity);
    }

    /** The Jacobian of a vector expression with respect to a value of layer t (inside {@link #layerSum}). */
    public static Expr jacobianLayer(Expr vector, Expr.LayerQuantity quantity) {
        return new Expr.Jacobian(vector, new Expr.WrtLayer(quantity));
    }

    /**
     * ⟨∇_q f, q⟩ per output component for a value q of layer t: the Jacobian of f with respect to q applied
     * to q (inside {@link #layerSum}).
     */
    public static Expr directionalLayer(Expr vector, Expr.LayerQuantity quantity) {
        return new Expr.MatMul(jacobianLayer(vector, quantity), layer(quantity));
    }

    /** 𝔼 over the data set of the context. */
    public static Expr meanOverData(Expr body) {
        return new Expr.Expectation(new Expr.OverData(), body);
    }

    /** 𝔼 over y drawn from the model. */
    public static Expr meanOverModel(Expr body) {
        return new Expr.Expectation(new Expr.OverModel(), body);
    }

    /** The augmented input x̃ = (x, 1). */
    public static Expr augmentedInput() {
        return new Expr.AugmentedInput();
    }

    /** The pre-activation z^{(t)} of layer t. */
    public static Expr preActivation(int layer) {
        return new Expr.PreActivation(layer);
    }

    /** diag(B₁, …, B_k); one vector v gives diag(v). */
    public static Expr diag(Expr... blocks) {
        return new Expr.Diag(List.of(blocks));
    }

    /** The Kronecker product a ⊗ b. */
    public static Expr kron(Expr a, Expr b) {
        return new Expr.Kron(a, b);
    }

    /** {@code term} with its one variable {@code variable} bound to {@code argument} (elementwise). */
    public static Expr scalarTerm(Term term, String variable, Expr argument, Map<String, Double> constants) {
        return new Expr.ScalarTerm(term, Map.of(variable, argument), constants);
    }
}
