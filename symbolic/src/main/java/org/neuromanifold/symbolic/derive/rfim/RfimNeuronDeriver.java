package org.neuromanifold.symbolic.derive.rfim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.neuromanifold.core.activation.Activation;
import org.neuromanifold.core.activation.Activations;
import org.neuromanifold.core.activation.LeakyRelu;
import org.neuromanifold.core.activation.SmoothPrelu;
import org.neuromanifold.core.activation.Tanh;
import org.neuromanifold.core.expr.Expr;
import org.neuromanifold.core.model.ParameterGroup;
import org.neuromanifold.core.result.SymbolicVerdict;
import org.neuromanifold.core.scalar.Term;
import org.neuromanifold.core.scalar.TermDifferentiator;
import org.neuromanifold.numeric.expr.ExprEvaluator;
import org.neuromanifold.symbolic.derive.DeriveRequest;
import org.neuromanifold.symbolic.derive.DerivedResult;
import org.neuromanifold.symbolic.derive.Deriver;
import org.neuromanifold.symbolic.latex.TermLatexPrinter;
import org.neuromanifold.symbolic.symja.SymjaEngine;
import org.neuromanifold.symbolic.symja.SymjaExprs;
import org.neuromanifold.symbolic.symja.SymjaProver;
import org.neuromanifold.symbolic.symja.SymjaResult;
import org.neuromanifold.symbolic.symja.TermSubstitution;

/**
 * {@code rfim-neuron}: the relative Fisher information of one stochastic neuron, g = ν_f(wᵀx̃) x̃x̃ᵀ (seed
 * 003, §3.1), one variant per activation. The chain starts from the Fisher information of the neuron's
 * response (numeric: the engine's exact enumeration or quadrature, scores by autodiff), applies the chain
 * rule ∇_w ln p = ∂_t ln p · x̃ (proved entry by entry on a concrete neuron with d = 2) and then the stages
 * of {@link NeuronCoefficient} (each proved by Symja for every t).
 *
 * <p>Cross-checks: the closed form against the Fisher information from the seed's own model on the tape
 * ({@link DefinitionFisher}: y ∈ {−1, 1} for tanh, no relabelling), the coefficient against the general
 * Bernoulli/Gaussian form differentiated by core's term differentiator (no Symja), and for the smoothed
 * PReLU the limit ω → 0⁺. The seed's formula of each activation is compared as printed on the design
 * page (eqs. 12, 14, 16 with ι², 18, 20, 22); the text extraction errors of eqs. 16 and 17 are reported
 * as disagreeing.
 */
public final class RfimNeuronDeriver implements Deriver {
    private static final Set<String> OPTIONS = Set.of("iota", "omega", "alpha", "s");

    @Override
    public String id() {
        return "rfim-neuron";
    }

    @Override
    public List<String> variants() {
        return Activations.NAMES;
    }

    /** Every variant is its own instance of the theorem, so the catalogue runs them all. */
    @Override
    public List<String> catalogueVariants() {
        return variants();
    }

    @Override
    public DerivedResult derive(DeriveRequest request) {
        Rfim.allowOnly(request, OPTIONS);
        Activation activation = Rfim.activation(request, "tanh");
        double s = Rfim.noise(request);
        ResponseModel model = ResponseModel.of(activation, s);
        SymjaEngine.prepareThread();
        try {
            return derive(request, activation, s, model);
        } catch (RuntimeException e) {
            return Rfim.incomplete(id(), "Relative Fisher information of a " + activation.name() + " neuron",
                    activation.name(), new Expr.FisherInformation(new ParameterGroup.Neuron(0, 0)), e);
        }
    }

    private DerivedResult derive(DeriveRequest request, Activation activation, double s, ResponseModel model) {
        NeuronCoefficient nu = NeuronCoefficient.derive(model);
        List<RfimPoint> points = RfimPoint.random(request.seed(), request.points(),
                i -> StochasticNetwork.layer(1 + i % 3, 1, model));
        SymbolicInstance instance = SymbolicInstance.of(StochasticNetwork.layer(2, 1, model));

        Expr wx = Rfim.firstLayerPre(0);
        TensorChain chain = TensorChain.start(id(), "Relative Fisher information of a " + activation.name() + " neuron",
                activation.name(), points, Rfim.TOLERANCE, new Expr.FisherInformation(new ParameterGroup.Neuron(0, 0)),
                TensorChain.Order.AS_IS, instance);
        chain.assume("response model: " + model.description() + " at $u = t = \\langle w, \\tilde{x} \\rangle = "
                + "w^{\\top} x + b$, $\\tilde{x} = (x, 1)$");
        if (!nu.constants().isEmpty()) {
            chain.assume("hyperparameters " + Rfim.valuesLatex(nu.constants()) + " (symbols in every proof)");
        }
        nu.oneSided().ifPresent(o -> chain.assume("at $t = 0$ the activation has a kink: the coefficient's one-sided "
                + "values are $" + TermLatexPrinter.print(nu.term(o[0])) + "$ ($t \\to 0^-$) and $"
                + TermLatexPrinter.print(nu.term(o[1])) + "$ ($t \\to 0^+$), so $g$ is undefined at $t = 0$ unless they "
                + "agree; random points keep $|t| \\ge " + RfimPoint.KINK_MARGIN + "$"));
        nu.gap().ifPresent(g -> chain.assume("incomplete: " + g));

        List<NeuronCoefficient.Stage> stages = nu.stages();
        chain.stepOnInstance(new Expr.Mul(Rfim.coefficient(nu, stages.get(0).expression(), wx), Rfim.XX),
                TensorChain.Order.AS_IS, "chain rule $\\nabla_w \\ln p(y \\mid t) = \\partial_t \\ln p(y \\mid t)\\,"
                        + "\\tilde{x}$ with $t = \\langle w, \\tilde{x} \\rangle$, then " + stages.get(0).rule(),
                "$t = \\langle w, \\tilde{x} \\rangle$");
        for (int k = 1; k < stages.size(); k++) {
            NeuronCoefficient.Stage previous = stages.get(k - 1);
            NeuronCoefficient.Stage stage = stages.get(k);
            chain.step(new Expr.Mul(Rfim.coefficient(nu, stage.expression(), wx), Rfim.XX), TensorChain.Order.AS_IS,
                    stage.rule(), () -> stageProof(nu, previous, stage));
        }

        ExprEvaluator evaluator = new ExprEvaluator();
        Expr result = chain.current();
        List<DerivedResult.CrossCheck> checks = new ArrayList<>();
        checks.add(Rfim.crossCheck("closed form " + nu.resultInput() + " times x\u0303x\u0303\u1d40 vs the Fisher "
                + "information from the seed's model on the tape (" + model.description() + "; exact enumeration "
                + "of y or two-point Gauss\u2013Hermite, scores by autodiff)", points,
                p -> TensorChain.value(evaluator, p, result, TensorChain.Order.AS_IS),
                p -> Rfim.flat(DefinitionFisher.fisher(p.net(), p.theta(), p.x(), new ParameterGroup.Neuron(0, 0))),
                Rfim.TOLERANCE));
        checks.add(generalFormCheck(nu, activation, model));
        if (activation instanceof SmoothPrelu sp) {
            checks.add(limitCheck(nu, sp, s));
        }
        return new DerivedResult(chain.build(), Optional.of(nu.resultInput()), checks,
                Optional.of(seedFormula(nu, activation)));
    }

    /** The proof that a coefficient stage equals the previous one, for every t. */
    static SymbolicVerdict stageProof(NeuronCoefficient nu, NeuronCoefficient.Stage previous,
            NeuronCoefficient.Stage stage) {
        SymbolicVerdict v = stage.claim() == null
                ? SymjaProver.shared().proveEqual(previous.expression(), stage.expression(), nu.assumptions())
                : SymjaProver.shared().proveEqual(stage.claim()[0], stage.claim()[1], nu.assumptions());
        if (stage.claim() != null && v.outcome() == org.neuromanifold.core.result.SymbolicOutcome.PROVED) {
            return SymbolicVerdict.proved("the derivatives " + SymjaExprs.input(stage.claim()[0]) + " and "
                    + SymjaExprs.input(stage.claim()[1]) + " whose squares over s\u00b2 the two coefficients are, "
                    + "are equal: " + v.detail());
        }
        return v;
    }

    /**
     * The coefficient against the general form computed without Symja: (∂p⁺)²/(p⁺p⁻) or μ'²/s² with the
     * derivative from core's {@link TermDifferentiator}, at 64 values of t.
     */
    private static DerivedResult.CrossCheck generalFormCheck(NeuronCoefficient nu, Activation a, ResponseModel model) {
        Term t = Term.variable(NeuronCoefficient.T);
        Term sigma = TermSubstitution.substitute(a.symbolic(), Map.of(Activation.VARIABLE, t));
        Term reference;
        String what;
        if (model instanceof ResponseModel.Gaussian) {
            Term d = TermDifferentiator.derivative(sigma, NeuronCoefficient.T);
            reference = Term.quotient(Term.square(d), Term.square(Term.variable(SymbolicInstance.NOISE)));
            what = "\u03bc'(t)\u00b2/s\u00b2";
        } else {
            Term plus = a instanceof Tanh ? Term.product(Term.constant(0.5), Term.sum(Term.ONE, sigma)) : sigma;
            Term d = TermDifferentiator.derivative(plus, NeuronCoefficient.T);
            reference = Term.quotient(Term.square(d), Term.product(plus, Term.difference(Term.ONE, plus)));
            what = "(\u2202_t p\u207a)\u00b2/(p\u207a p\u207b)";
        }
        var cert = Rfim.scalarAgreement(nu.term(nu.result()), reference, nu.constants(), 64, 1e-12);
        return new DerivedResult.CrossCheck("coefficient vs the general form " + what + " differentiated by core's "
                + "term differentiator (no Symja), at " + cert.points() + " values of t in [\u22124, 4]", cert);
    }

    /**
     * The smoothed PReLU's coefficient as ω → 0⁺: Symja's limit of the sigmoid form on each side (ω = 1/n,
     * n → ∞, with t = k/(1 − ι) so the sigmoid's argument is k·n), and numerically at ω = 10⁻³ against the
     * PReLU coefficient derived for the same ι and s. Symja's {@code Limit} is reported, not trusted: the
     * certificate is the numeric one.
     */
    private static DerivedResult.CrossCheck limitCheck(NeuronCoefficient nu, SmoothPrelu sp, double s) {
        NeuronCoefficient prelu = NeuronCoefficient.derive(new LeakyRelu(sp.iota()), s);
        IExpr t = F.symbol(nu.table().symjaName(NeuronCoefficient.T));
        IExpr omega = F.symbol(nu.table().symjaName(SmoothPrelu.OMEGA));
        IExpr iota = F.symbol(nu.table().symjaName(LeakyRelu.IOTA));
        IExpr n = F.symbol("nLimit");
        IExpr k = F.symbol("kLimit");
        IExpr scaled = F.ReplaceAll(nu.result(), F.List(F.Rule(omega, F.Power(n, F.CN1)),
                F.Rule(t, F.Divide(k, F.Subtract(F.C1, iota)))));
        StringBuilder symbolic = new StringBuilder();
        IExpr preluResult = prelu.result();
        for (boolean positive : new boolean[] {true, false}) {
            IExpr limit = F.Refine(F.Limit(scaled, F.Rule(n, F.CInfinity)), positive ? F.Greater(k, F.C0)
                    : F.Less(k, F.C0));
            SymjaResult<IExpr> r = SymjaEngine.shared().evaluate(limit);
            IExpr branch = F.Simplify(preluResult, positive ? F.Greater(t, F.C0) : F.Less(t, F.C0));
            SymjaResult<IExpr> expected = SymjaEngine.shared().evaluate(branch);
            String got = r.describe();
            boolean same = r.isValue() && expected.isValue()
                    && SymjaEngine.shared().evaluate(F.Simplify(F.Subtract(r.valueOrThrow(), expected.valueOrThrow())))
                            .asOptional().map(IExpr::isZero).orElse(false);
            symbolic.append(positive ? "t > 0: " : "; t < 0: ").append(got).append(same ? " (= the PReLU branch "
                    : " (the PReLU branch is ").append(expected.describe()).append(')');
        }
        Map<String, Double> small = new java.util.HashMap<>(nu.constants());
        small.put(SmoothPrelu.OMEGA, 1e-3);
        var cert = Rfim.scalarAgreement(nu.term(nu.result()), prelu.term(preluResult), mergedConstants(small, prelu),
                64, 1e-12);
        return new DerivedResult.CrossCheck("limit \u03c9 \u2192 0\u207a to the PReLU coefficient " + prelu.resultInput()
                + ": Symja Refine[Limit[\u2026]] with \u03c9 = 1/n, n \u2192 \u221e gives " + symbolic
                + "; numerically at \u03c9 = 10\u207b\u00b3 over " + cert.points() + " values of t with |t| \u2265 0.05 "
                + "(the difference is below (1\u2212\u03b9)e^{\u2212(1\u2212\u03b9)|t|/\u03c9})", cert);
    }

    private static Map<String, Double> mergedConstants(Map<String, Double> a, NeuronCoefficient b) {
        Map<String, Double> out = new java.util.HashMap<>(b.constants());
        out.putAll(a);
        return out;
    }

    /** The seed's formula for this activation (typed as the design page states it), compared with the result. */
    private static DerivedResult.SeedFormulaCheck seedFormula(NeuronCoefficient nu, Activation a) {
        SeedCoefficients.Seed seed = SeedCoefficients.of(a);
        if (seed == null) {
            return new DerivedResult.SeedFormulaCheck(false, "the seed states no formula for " + a.label());
        }
        Rfim.Comparison c = Rfim.compareScalars(nu.result(), Rfim.parse(seed.formula()), nu.assumptions(), nu::term,
                nu.constants());
        StringBuilder detail = new StringBuilder("seed ").append(seed.source()).append(" = ").append(seed.formula())
                .append(c.agrees() ? " agrees with " : " DISAGREES with ").append(nu.resultInput()).append(" (")
                .append(c.detail()).append(')');
        if (seed.literal() != null) {
            Rfim.Comparison lit = Rfim.compareScalars(nu.result(), Rfim.parse(seed.literal()), nu.assumptions(), nu::term,
                    nu.constants());
            detail.append("; ").append(seed.literalSource()).append(" = ").append(seed.literal())
                    .append(lit.agrees() ? " agrees too (" : " disagrees (").append(lit.detail()).append(')');
        }
        return new DerivedResult.SeedFormulaCheck(c.agrees(), detail.toString());
    }
}
