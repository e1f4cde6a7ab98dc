package org.neuromanifold.core.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuromanifold.core.testing.SpecAssertions.assertSpecError;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.neuromanifold.core.error.ErrorCode;
import org.neuromanifold.core.expr.Expr;
import org.neuromanifold.core.expr.Identity;
import org.neuromanifold.core.expr.Relation;
import org.neuromanifold.core.model.ParameterGroup;

/** The theorem catalogue: ids, lookup, and the identities stated as {@link Expr} terms. */
class CatalogueTest {
    /** The ids of the design page's theorem catalogue, in its order. */
    private static final List<String> DESIGN_IDS = List.of("euler", "loss-euler", "fisher-rao", "hinge-grad",
            "mse-hessian", "he-init", "xavier-init", "rfim-neuron", "rfim-linear", "rfim-layer", "rfim-softmax",
            "rfim-two-layer", "ng-invariance", "fim-rank", "meanfield-q", "meanfield-c", "chi1", "gd-descent",
            "linear-net-grad", "hardt-ma", "bartlett", "interp-cov", "spurious", "pyramidal", "zhang-interp",
            "backprop-cost", "dirichlet", "igr", "dherin-thm1");

    @Test
    void entriesAreTheDesignPageIdsInOrder() {
        assertEquals(DESIGN_IDS, Catalogue.entries().stream().map(CatalogueEntry::id).toList());
        for (CatalogueEntry e : Catalogue.entries()) {
            assertFalse(e.title().isBlank(), e.id());
            assertFalse(e.section().isBlank(), e.id());
            assertTrue(e.source().startsWith("seed 00"), e.id() + ": " + e.source());
        }
    }

    @Test
    void lookup() {
        assertEquals("euler", Catalogue.require("euler").id());
        assertTrue(Catalogue.find("chi1").isPresent());
        assertTrue(Catalogue.find("Euler").isEmpty(), "ids are case-sensitive");
        var e = assertSpecError(ErrorCode.UNKNOWN_IDENTITY, () -> Catalogue.require("eular"), "'eular'");
        for (String id : DESIGN_IDS) {
            assertTrue(e.getMessage().contains(id), "message lists " + id);
        }
        assertEquals("id", e.argument());
    }

    /** Every stated identity refers to a catalogue entry, carries its source, and has preconditions. */
    @Test
    void identitiesAreWellFormed() {
        List<Identity> all = CatalogueIdentities.all();
        assertEquals(5, all.size());
        Set<String> titles = new HashSet<>();
        for (Identity i : all) {
            CatalogueEntry entry = Catalogue.require(i.id());
            assertEquals(entry.source(), i.source(), i.id());
            assertEquals(Relation.EQ, i.relation());
            assertFalse(i.preconditions().isEmpty(), i.id());
            assertTrue(titles.add(i.title()), "titles are distinct: " + i.title());
        }
        assertEquals(List.of("euler", "loss-euler", "fisher-rao", "fisher-rao", "hinge-grad"),
                all.stream().map(Identity::id).toList());
        assertEquals(CatalogueIdentities.FISHER_RAO, CatalogueIdentities.find("fisher-rao").orElseThrow(),
                "find gives the first (empirical Fisher) statement");
        assertTrue(CatalogueIdentities.find("chi1").isEmpty(), "chi1 is not an Expr identity");
    }

    /** The Euler statement is J_θ f · θ = (L + 1)·f, as on the design page. */
    @Test
    void eulerStatement() {
        Identity euler = CatalogueIdentities.EULER;
        Expr theta = new Expr.Params(ParameterGroup.ALL);
        assertEquals(new Expr.MatMul(new Expr.Jacobian(new Expr.Output(),
                new Expr.WrtParams(ParameterGroup.ALL)), theta), euler.lhs());
        assertEquals(new Expr.Mul(new Expr.Add(new Expr.Depth(), new Expr.Const(1)), new Expr.Output()), euler.rhs());
    }

    /** The hinge statement: ∂ℓ/∂t = −y·1[1 − y t &gt; 0]. */
    @Test
    void hingeStatement() {
        Identity hinge = CatalogueIdentities.HINGE_GRAD;
        assertEquals(new Expr.Grad(new Expr.LossValue(), new Expr.WrtOutput()), hinge.lhs());
        assertEquals(new Expr.Mul(new Expr.Neg(new Expr.Target()), new Expr.Step(new Expr.Sub(new Expr.Const(1),
                new Expr.Mul(new Expr.Target(), new Expr.Output())))), hinge.rhs());
    }
}
