package org.neuromanifold.core.expr;

import org.neuromanifold.core.loss.Loss;
import org.neuromanifold.core.model.Network;

/**
 * A hypothesis an identity needs. A precondition that fails is not an error: the verdict then says
 * the identity is not expected to hold, and the numeric check shows whether it does.
 */
public sealed interface Precondition {
    /** Whether the hypothesis holds for this network and loss. */
    boolean holds(Network network, Loss loss);

    /** A sentence stating the hypothesis. */
    String statement();

    /** No layer has a bias. */
    record BiasFree() implements Precondition {
        @Override
        public boolean holds(Network network, Loss loss) {
            return network.biasFree();
        }

        @Override
        public String statement() {
            return "the network has no biases";
        }
    }

    /** Every activation satisfies σ(z) = σ'(z)z (and there is no softmax head). */
    record PositivelyHomogeneous() implements Precondition {
        @Override
        public boolean holds(Network network, Loss loss) {
            return network.positivelyHomogeneous();
        }

        @Override
        public String statement() {
            return "every activation satisfies \\sigma(z) = \\sigma'(z) z";
        }
    }

    /** The loss is the negative log-likelihood of a statistical model (needed by Fisher matrices). */
    record LossHasStatisticalModel() implements Precondition {
        @Override
        public boolean holds(Network network, Loss loss) {
            return loss != null && loss.statisticalModel().isPresent();
        }

        @Override
        public String statement() {
            return "the loss is a negative log-likelihood";
        }
    }

    /** The loss is of the given kind (e.g. the hinge identity). */
    record LossIs(Class<? extends Loss> kind) implements Precondition {
        @Override
        public boolean holds(Network network, Loss loss) {
            return kind.isInstance(loss);
        }

        @Override
        public String statement() {
            return "the loss is " + kind.getSimpleName();
        }
    }
}
