package org.neuromanifold.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/** {@code neuromanifold verify}, run in-process: the table, the one JSON object, exit codes. */
class VerifyCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** The one JSON document of stdout (fails if there is anything else). */
    private static JsonNode onlyDocument(String out) throws Exception {
        try (MappingIterator<JsonNode> docs = JSON.readerFor(JsonNode.class).readValues(out)) {
            List<JsonNode> all = docs.readAll();
            assertEquals(1, all.size(), "exactly one JSON document on stdout: " + out);
            return all.get(0);
        }
    }

    @Test
    void eulerHoldsAndSaysSoInATable() {
        Run r = run("verify", "euler", "--trials", "500");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("max rel err"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("euler") && l.contains("relu") && l.contains("500")
                && l.contains("holds     holds")), r.out());
        assertTrue(r.out().contains("As predicted: the identity holds."), r.out());
        assertFalse(r.out().contains("counterexample"), r.out());
        assertEquals("", r.err(), "a short run prints no progress");
    }

    @Test
    void aFailureShowsTheCounterexampleWithParameterNames() {
        Run r = run("verify", "euler", "--activation", "tanh", "--trials", "300", "--seed", "3");
        assertEquals(0, r.code(), "the verdict is data, not an error");
        assertTrue(r.out().contains("fails     fails"), r.out());
        assertTrue(r.out().contains("Smallest counterexample found"), r.out());
        assertTrue(r.out().contains("W0[0,0] = "), r.out());
        assertTrue(r.out().contains("precondition not met"), r.out());
    }

    @Test
    void jsonIsOneObjectWithTheVerdictAndTheCounterexample() throws Exception {
        Run r = run("verify", "loss-euler", "--activation", "relu", "--bias", "true", "--trials", "200", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode o = onlyDocument(r.out());
        for (String field : List.of("id", "activation", "depth", "width", "bias", "trials", "holds", "expected",
                "maxAbsError", "maxRelError", "tolerance", "counterexample")) {
            assertTrue(o.has(field), "missing " + field + " in " + o);
        }
        assertEquals("loss-euler", o.get("id").asText());
        assertEquals("relu", o.get("activation").asText());
        assertEquals(2, o.get("depth").asInt());
        assertEquals(8, o.get("width").asInt());
        assertTrue(o.get("bias").asBoolean());
        assertEquals(200, o.get("trials").asInt());
        assertFalse(o.get("holds").asBoolean());
        assertFalse(o.get("expected").asBoolean());
        assertTrue(o.get("maxRelError").asDouble() > 0.01);
        assertEquals(1e-12, o.get("tolerance").asDouble());
        JsonNode ce = o.get("counterexample");
        assertTrue(ce.isObject(), ce.toString());
        for (JsonNode w : ce.get("widths")) {
            assertEquals(1, w.asInt(), "shrunk to width 1: " + ce);
        }
        assertEquals(3, ce.get("widths").size(), "biases break Euler's identity from one hidden layer on");
        Iterator<String> names = ce.get("theta").fieldNames();
        assertEquals("W0[0,0]", names.next());
        assertEquals("b0[0]", names.next());
        assertEquals(1, ce.get("x").size());
        assertEquals(1, ce.get("y").size(), "loss-euler reads the data targets");
        assertNotEquals(ce.get("lhs").get(0).asDouble(), ce.get("rhs").get(0).asDouble());
    }

    @Test
    void jsonOfAnIdentityThatHoldsHasANullCounterexample() throws Exception {
        Run r = run("verify", "fisher-rao", "--fisher", "model", "--loss", "softmax-ce", "--activation", "leaky-relu",
                "--iota", "0.3", "--width", "4", "--trials", "100", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode o = onlyDocument(r.out());
        assertTrue(o.get("holds").asBoolean());
        assertTrue(o.get("expected").asBoolean());
        assertTrue(o.get("counterexample").isNull());
        assertEquals("Fisher-Rao norm (model Fisher)", o.get("title").asText());
        assertEquals("leaky-relu(iota=0.3)", o.get("activation").asText());
        assertEquals(3, o.get("widths").get(3).asInt(), "softmax-ce defaults to 3 outputs");
    }

    @Test
    void theJsonDoesNotDependOnTheThreadCount() throws Exception {
        String[] base = {"verify", "hinge-grad", "--loss", "square", "--trials", "400", "--seed", "8", "--json"};
        JsonNode one = onlyDocument(run(concat(base, "--threads", "1")).out());
        JsonNode two = onlyDocument(run(concat(base, "--threads", "2")).out());
        assertEquals(one, two);
    }

    @Test
    void badInputExitsWithTwoAndNamesTheArgument() {
        Run width = run("verify", "euler", "--width", "0");
        assertEquals(2, width.code());
        assertTrue(width.err().contains("width"), width.err());
        assertEquals("", width.out(), "nothing on stdout for bad input");

        Run id = run("verify", "eulr", "--json");
        assertEquals(2, id.code());
        assertTrue(id.err().contains("eulr") && id.err().contains("UNKNOWN_IDENTITY"), id.err());
        assertEquals("", id.out());

        Run act = run("verify", "euler", "--activation", "swish");
        assertEquals(2, act.code());
        assertTrue(act.err().contains("activation"), act.err());

        Run model = run("verify", "fisher-rao", "--fisher", "model", "--loss", "hinge");
        assertEquals(2, model.code());
        assertTrue(model.err().contains("loss"), model.err());

        Run bias = run("verify", "euler", "--bias", "maybe");
        assertEquals(2, bias.code());
        assertTrue(bias.err().contains("--bias"), bias.err());

        assertEquals(2, run("verify", "euler", "--trials", "0").code());
        assertEquals(2, run("verify", "euler", "--tolerance", "NaN").code());
        assertEquals(2, run("verify", "euler", "--depth", "-1").code());
        assertEquals(2, run("verify", "euler", "--fisher", "model").code());
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
