/** Parameter initialisation (He, Xavier, scaled) from core's {@code Initialization}. */
package org.neuromanifold.numeric.init;
