/** The seeded, documented random generator and the samplers of core's input distributions. */
package org.neuromanifold.numeric.random;
