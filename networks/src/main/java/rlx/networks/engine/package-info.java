/**
 * The learner engine: forward and backward passes of rlx's networks on flat native buffers allocated once, with the
 * matrix products in the BLAS that ND4J ships (OpenBLAS, {@code cblas_sgemm}) and everything around them (bias adds,
 * activations and their gradients, bias sums, losses, the optimiser step) in fused JVM loops over the same buffers.
 *
 * <p>Why not DL4J's own {@code fit}: every ND4J elementwise, broadcast or reduction op costs 12-34 us whatever its
 * size, and a DL4J update makes dozens of them; the matrix products themselves run near the BLAS. Here an update costs
 * its products plus a few passes over memory (results/BENCHMARKS.md, "Learner engine").
 *
 * <p>Networks are still defined, initialised, saved and loaded as DL4J graphs: the engine reads each layer's place in
 * DL4J's flat parameter vector, keeps parameters (and optimiser state) in DL4J's layouts, and copies them back into the
 * graph before it is saved. Native memory has one owner, {@link rlx.networks.engine.NativeFloats}, which the engine
 * holds for as long as any pointer into it is used, and frees explicitly.
 */
package rlx.networks.engine;
