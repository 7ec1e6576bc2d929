/**
 * MinAtar (Young and Tian 2019): five Atari games reduced to 10x10 boards with one boolean channel per object kind,
 * following the rules of the reference implementation (github.com/kenjyoung/MinAtar). Observations are
 * channels-first floats {@code [channel][row][col]}; sticky actions and difficulty ramping as in the reference.
 */
package rlx.envs.minatar;
