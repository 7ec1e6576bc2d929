/**
 * Plain-Java evaluation of dense and convolution layers whose parameters live in a DL4J network's flat vector: acting reads a copy of
 * the weights here instead of paying ND4J's fixed cost per op on one observation.
 */
package rlx.networks.plain;
