/**
 * The {@code rlx} command line (picocli). Each command is a thin shell over the modules below it; its output lines
 * are a public interface that scripts and CI parse, so their format only ever gains fields at the end.
 */
package rlx.experiments.cli;
