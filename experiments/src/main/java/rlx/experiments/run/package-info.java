/**
 * Run directories and what goes in them: provenance, metrics and eval CSVs, summaries, learning-curve plots and
 * multi-seed aggregates. Every file is written so that a killed run keeps what it had and a later reader (or
 * {@code rlx compare} and {@code rlx plot}) can use it without the code that wrote it.
 */
package rlx.experiments.run;
