package org.neuromanifold.examples.cli;

import org.neuromanifold.core.result.Derivation;
import org.neuromanifold.core.result.DerivationStep;
import org.neuromanifold.core.result.NumericCertificate;
import org.neuromanifold.symbolic.derive.DerivedResult;
import org.neuromanifold.symbolic.latex.FormulaLatex;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON form of a derived result (shared by {@code derive} and {@code catalogue}). */
final class DerivationJson {
    private DerivationJson() {
    }

    static ObjectNode of(DerivedResult r, FormulaLatex latex) {
        Derivation d = r.derivation();
        ObjectNode o = Json.object();
        o.put("id", d.id());
        o.put("title", d.title());
        o.put("activation", d.variant().isEmpty() ? null : d.variant());
        o.put("start", latex.render(d.start()));
        ArrayNode steps = o.putArray("steps");
        for (DerivationStep s : d.steps()) {
            ObjectNode step = steps.addObject();
            step.put("relation", s.relation().name().toLowerCase(java.util.Locale.ROOT));
            step.put("latex", latex.render(s.expression()));
            step.put("rule", s.rule());
            ArrayNode assumptions = step.putArray("assumptions");
            s.assumptions().forEach(assumptions::add);
            step.put("symbolic", s.symbolic().outcome().word());
            step.put("symbolicDetail", s.symbolic().detail());
            step.set("numeric", numeric(s.numeric()));
            step.put("failed", s.failed());
        }
        ArrayNode assumptions = o.putArray("assumptions");
        d.assumptions().forEach(assumptions::add);
        ObjectNode result = o.putObject("result");
        result.put("latex", latex.render(d.result()));
        result.put("symja", r.symjaResult().orElse(null));
        ArrayNode checks = o.putArray("crossChecks");
        for (DerivedResult.CrossCheck c : r.crossChecks()) {
            ObjectNode check = checks.addObject();
            check.put("description", c.description());
            check.set("numeric", numeric(c.certificate()));
            check.put("agrees", c.certificate().agrees());
        }
        if (r.seedFormula().isPresent()) {
            o.put("seedFormulaAgrees", r.seedFormula().get().agrees());
            o.put("seedFormulaDetail", r.seedFormula().get().detail());
        }
        o.put("provedSteps", d.provedSteps());
        o.put("sound", r.sound());
        return o;
    }

    static ObjectNode numeric(NumericCertificate c) {
        ObjectNode n = Json.object();
        n.put("points", c.points());
        n.put("measure", c.measure() == NumericCertificate.Measure.ERROR ? "error" : "standard-score");
        Json.putNumber(n, "maxAbsError", c.maxAbsError());
        Json.putNumber(n, "maxRelError", c.maxRelError());
        Json.putNumber(n, "tolerance", c.tolerance());
        n.put("agrees", c.agrees());
        return n;
    }
}
