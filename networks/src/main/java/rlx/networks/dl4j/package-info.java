/**
 * The DL4J side of rlx's networks: mapping of the config records onto DL4J builders, the shared torso builder, and
 * the custom loss functions and graph vertex that DL4J 1.0.0-M2.1 lacks. Everything here is serialisable inside a
 * DL4J model file, so saved networks restore with these classes on the classpath.
 */
package rlx.networks.dl4j;
