/**
 * Evaluation of trained policies: greedy episodes on env copies whose seeds are disjoint from training's, with
 * the same episode count per copy so short episodes do not crowd out long ones.
 */
package rlx.trainers.eval;
