package org.neuromanifold.symbolic.latex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LatexSymbolsTest {
    @Test
    void lettersAndGreek() {
        assertEquals("x", LatexSymbols.of("x"));
        assertEquals("\\iota", LatexSymbols.of("iota"));
        assertEquals("\\omega", LatexSymbols.of("omega"));
        assertEquals("\\Sigma", LatexSymbols.of("Sigma"));
        assertEquals("\\mathit{lr}", LatexSymbols.of("lr"));
    }

    @Test
    void trailingNumbersAreSubscripts() {
        assertEquals("x_{1}", LatexSymbols.of("x1"));
        assertEquals("\\sigma_{2}", LatexSymbols.of("sigma2"));
        assertEquals("\\mathit{ab}_{12}", LatexSymbols.of("ab12"));
    }

    @Test
    void networkParameters() {
        assertEquals("W^{0}_{1,2}", LatexSymbols.of("W0x1x2"));
        assertEquals("b^{1}_{0}", LatexSymbols.of("b1x0"));
        assertEquals("\\iota^{(1)}", LatexSymbols.of("iotaL1"));
    }

    @Test
    void underscoresAreSubscripts() {
        assertEquals("w_{i}", LatexSymbols.of("w_i"));
        assertEquals("\\theta_{\\mathit{max}}", LatexSymbols.of("theta_max"));
    }
}
