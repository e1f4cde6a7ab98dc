package org.neuromanifold.core.expr;

/** The relation between the two sides of an identity or a derivation step. */
public enum Relation {
    EQ("="), LE("\\le");

    private final String latex;

    Relation(String latex) {
        this.latex = latex;
    }

    /** The LaTeX symbol. */
    public String latex() {
        return latex;
    }
}
