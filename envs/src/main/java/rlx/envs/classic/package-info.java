/**
 * Gymnasium's classic-control environments with its exact dynamics, constants and float32/float64 behaviour:
 * CartPole, Acrobot, MountainCar and Pendulum. They replay Gymnasium's own trajectories to the bit.
 */
package rlx.envs.classic;
